package org.hpcstatus.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.contract.Field;
import org.hpcstatus.database.Jdbc;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.ChildRows;
import org.hpcstatus.snapshot.QueueDefinition;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.snapshot.UserLoadSpan;

/**
 * Writes what a system's newest post says about the present, inside that post's transaction and only once it has
 * moved the system's latest pointer (so an older post, a back-fill or a retry, never overwrites newer facts):
 * <ul>
 * <li>the queue roster, one row per queue (upserted);</li>
 * <li>reservations, one row per (system, scheduler id or, where none is sent, name) (upserted, last_reported_at
 * moved on);</li>
 * <li>per-user load as spans: a row that reads the same as in the previous post extends its span to this post, any
 * other row opens a new span. So a user whose load does not change costs one row, not 288 a day. A previous post
 * further back than the configured gap ends every span.</li>
 * </ul>
 * All as JDBC batches, tables and columns from the arrays' descriptors; the previous post's open spans are found with
 * one indexed query.
 */
@ApplicationScoped
class PresentRowsWriter {

    private static final ChildArray<QueueDefinition> ROSTER = ChildArray.QUEUE_DEFINITIONS;
    private static final ChildArray<Reservation> RESERVATIONS = ChildArray.RESERVATIONS;
    private static final ChildArray<UserLoadSpan> SPANS = ChildArray.USER_LOADS;

    private static final String UPSERT_QUEUE_DEFINITION = "INSERT INTO " + ROSTER.table().name() + " ("
            + ROSTER.table().idColumn() + ", system_id, " + Jdbc.columns(ROSTER.storedFields()) + ", defined_at)"
            + " VALUES (?, ?, " + Jdbc.placeholders(ROSTER.storedFields().size()) + ", ?) ON DUPLICATE KEY UPDATE "
            + updates(ROSTER.storedFields()) + ", defined_at = VALUES(defined_at)";

    private static final String UPSERT_RESERVATION = "INSERT INTO " + RESERVATIONS.table().name() + " (system_id,"
            + " reservation_key, " + Jdbc.columns(RESERVATIONS.storedFields()) + ", first_reported_at, last_reported_at)"
            + " VALUES (?, ?, " + Jdbc.placeholders(RESERVATIONS.storedFields().size()) + ", ?, ?) ON DUPLICATE KEY"
            + " UPDATE " + updates(RESERVATIONS.storedFields()) + ", last_reported_at = VALUES(last_reported_at)";

    /** What names a span: the rows of one user, project and queue follow each other from post to post. */
    private static final Set<String> SPAN_KEY = Set.of("username", "project_code", "queue_name");
    private static final List<Field<UserLoadSpan>> KEY_FIELDS = SPANS.storedFields().stream()
            .filter(f -> SPAN_KEY.contains(f.name())).toList();
    /** What a span says: its load, the same from first_seen to last_seen. */
    private static final List<Field<UserLoadSpan>> LOAD_FIELDS = SPANS.storedFields().stream()
            .filter(f -> !SPAN_KEY.contains(f.name())).toList();

    private static final String OPEN_SPANS = "SELECT " + SPANS.table().idColumn() + ", " + Jdbc.columns(KEY_FIELDS)
            + ", " + Jdbc.columns(LOAD_FIELDS) + " FROM " + SPANS.table().name() + " WHERE system_id = ? AND last_seen = ?";

    private static final String EXTEND_SPAN = "UPDATE " + SPANS.table().name() + " SET last_seen = ? WHERE "
            + SPANS.table().idColumn() + " = ?";

    private static final String INSERT_SPAN = "INSERT INTO " + SPANS.table().name() + " (system_id, "
            + Jdbc.columns(KEY_FIELDS) + ", " + Jdbc.columns(LOAD_FIELDS) + ", first_seen, last_seen) VALUES (?, "
            + Jdbc.placeholders(KEY_FIELDS.size() + LOAD_FIELDS.size()) + ", ?, ?)";

    @Inject
    StatusConfig config;

    private static <E> String updates(List<Field<E>> fields) {
        return fields.stream().map(f -> f.column() + " = VALUES(" + f.column() + ")").collect(Collectors.joining(", "));
    }

    /**
     * Writes the present rows of a post that just became its system's newest; {@code previous} is when the newest
     * post before it was observed (null when it is the first).
     */
    void write(Connection connection, long systemId, Instant observedAt, Instant previous, ChildRows rows)
            throws SQLException {
        if (!rows.of(ROSTER).isEmpty()) {
            upsertQueueDefinitions(connection, systemId, observedAt, rows.of(ROSTER));
        }
        if (!rows.of(RESERVATIONS).isEmpty()) {
            upsertReservations(connection, systemId, observedAt, rows.of(RESERVATIONS));
        }
        if (!rows.of(SPANS).isEmpty()) {
            writeSpans(connection, systemId, observedAt, previous, rows.of(SPANS));
        }
    }

    private static void upsertQueueDefinitions(Connection connection, long systemId, Instant observedAt,
            List<QueueDefinition> definitions) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_QUEUE_DEFINITION)) {
            for (QueueDefinition q : definitions) {
                upsert.setLong(1, q.queueId);
                upsert.setLong(2, systemId);
                int next = Jdbc.bind(upsert, 3, q, ROSTER.storedFields());
                upsert.setObject(next, Jdbc.utc(observedAt));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private static void upsertReservations(Connection connection, long systemId, Instant observedAt,
            List<Reservation> reservations) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_RESERVATION)) {
            for (Reservation r : reservations) {
                upsert.setLong(1, systemId);
                upsert.setString(2, r.key());
                int next = Jdbc.bind(upsert, 3, r, RESERVATIONS.storedFields());
                upsert.setObject(next, Jdbc.utc(observedAt));
                upsert.setObject(next + 1, Jdbc.utc(observedAt));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private record SpanKey(String username, String projectCode, String queueName) {
    }

    private record OpenSpan(long id, List<Object> load) {
    }

    private void writeSpans(Connection connection, long systemId, Instant observedAt, Instant previous,
            List<UserLoadSpan> rows) throws SQLException {
        Map<SpanKey, OpenSpan> open = previous == null
                || Duration.between(previous, observedAt).compareTo(config.ingest().userLoadSpanGap()) > 0
                ? Map.of() : openSpans(connection, systemId, previous);
        List<Long> extended = new ArrayList<>();
        List<UserLoadSpan> opened = new ArrayList<>();
        for (UserLoadSpan row : rows) {
            OpenSpan span = open.get(new SpanKey(row.username, row.projectCode, row.queueName));
            if (span != null && span.load().equals(load(row))) {
                extended.add(span.id());
            } else {
                opened.add(row);
            }
        }
        if (!extended.isEmpty()) {
            try (PreparedStatement extend = connection.prepareStatement(EXTEND_SPAN)) {
                for (long id : extended) {
                    extend.setObject(1, Jdbc.utc(observedAt));
                    extend.setLong(2, id);
                    extend.addBatch();
                }
                extend.executeBatch();
            }
        }
        if (!opened.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_SPAN)) {
                for (UserLoadSpan row : opened) {
                    insert.setLong(1, systemId);
                    int next = Jdbc.bind(insert, 2, row, KEY_FIELDS);
                    next = Jdbc.bind(insert, next, row, LOAD_FIELDS);
                    insert.setObject(next, Jdbc.utc(observedAt));
                    insert.setObject(next + 1, Jdbc.utc(observedAt));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    /** The spans the previous newest post left open, by user, project and queue. */
    private static Map<SpanKey, OpenSpan> openSpans(Connection connection, long systemId, Instant previous)
            throws SQLException {
        Map<SpanKey, OpenSpan> open = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(OPEN_SPANS)) {
            select.setLong(1, systemId);
            select.setObject(2, Jdbc.utc(previous));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    UserLoadSpan span = new UserLoadSpan();
                    int column = 2;
                    for (Field<UserLoadSpan> field : KEY_FIELDS) {
                        field.setter().accept(span, Jdbc.value(rs, column++, field));
                    }
                    for (Field<UserLoadSpan> field : LOAD_FIELDS) {
                        field.setter().accept(span, Jdbc.value(rs, column++, field));
                    }
                    open.put(new SpanKey(span.username, span.projectCode, span.queueName),
                            new OpenSpan(rs.getLong(1), load(span)));
                }
            }
        }
        return open;
    }

    /** A span's load as its fields read, in order; two rows with equal loads extend one span. */
    private static List<Object> load(UserLoadSpan row) {
        List<Object> load = new ArrayList<>(LOAD_FIELDS.size());
        for (Field<UserLoadSpan> field : LOAD_FIELDS) {
            load.add(field.getter().apply(row));
        }
        return load;
    }
}
