package org.hpcstatus.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.contract.Field;

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
 * All as JDBC batches; the previous post's open spans are found with one indexed query.
 */
@ApplicationScoped
class PresentRowsWriter {

    private static final String UPSERT_QUEUE_DEFINITION = "INSERT INTO queue_definition (queue_id, system_id, queue_type,"
            + " enabled, started, total_jobs, defined_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " queue_type = VALUES(queue_type), enabled = VALUES(enabled), started = VALUES(started),"
            + " total_jobs = VALUES(total_jobs), defined_at = VALUES(defined_at)";

    private static final String UPSERT_RESERVATION = "INSERT INTO reservation (system_id, reservation_key,"
            + " scheduler_reservation_id, reservation_name, description, start_time, end_time, node_count, partition_name,"
            + " first_reported_at, last_reported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " reservation_name = VALUES(reservation_name), description = VALUES(description),"
            + " start_time = VALUES(start_time), end_time = VALUES(end_time), node_count = VALUES(node_count),"
            + " partition_name = VALUES(partition_name), last_reported_at = VALUES(last_reported_at)";

    /** The load columns of a span, in the order of {@link SnapshotFields#USER_LOAD} after its three key fields. */
    private static final List<Field<UserLoadSpan>> LOAD_FIELDS =
            SnapshotFields.USER_LOAD.subList(3, SnapshotFields.USER_LOAD.size());

    private static final String LOAD_COLUMNS = String.join(", ",
            LOAD_FIELDS.stream().map(Field::column).toList());

    private static final String OPEN_SPANS = "SELECT span_id, username, project_code, queue_name, " + LOAD_COLUMNS
            + " FROM user_load_span WHERE system_id = ? AND last_seen = ?";

    private static final String EXTEND_SPAN = "UPDATE user_load_span SET last_seen = ? WHERE span_id = ?";

    private static final String INSERT_SPAN = "INSERT INTO user_load_span (system_id, username, project_code, queue_name, "
            + LOAD_COLUMNS + ", first_seen, last_seen) VALUES (?, ?, ?, ?, "
            + String.join(", ", Collections.nCopies(LOAD_FIELDS.size(), "?")) + ", ?, ?)";

    @Inject
    StatusConfig config;

    /**
     * Writes the present rows of a post that just became its system's newest; {@code previous} is when the newest
     * post before it was observed (null when it is the first).
     */
    void write(Connection connection, long systemId, Instant observedAt, Instant previous, PresentRows rows)
            throws SQLException {
        if (!rows.queueDefinitions().isEmpty()) {
            upsertQueueDefinitions(connection, systemId, observedAt, rows.queueDefinitions());
        }
        if (!rows.reservations().isEmpty()) {
            upsertReservations(connection, systemId, observedAt, rows.reservations());
        }
        if (!rows.userLoads().isEmpty()) {
            writeSpans(connection, systemId, observedAt, previous, rows.userLoads());
        }
    }

    private static void upsertQueueDefinitions(Connection connection, long systemId, Instant observedAt,
            List<QueueDefinition> definitions) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT_QUEUE_DEFINITION)) {
            for (QueueDefinition q : definitions) {
                upsert.setLong(1, q.queueId);
                upsert.setLong(2, systemId);
                setText(upsert, 3, q.queueType);
                setFlag(upsert, 4, q.enabled);
                setFlag(upsert, 5, q.started);
                setCount(upsert, 6, q.totalJobs);
                upsert.setObject(7, utc(observedAt));
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
                setText(upsert, 3, r.schedulerId);
                upsert.setString(4, r.reservationName);
                setText(upsert, 5, r.description);
                setTime(upsert, 6, r.startTime);
                setTime(upsert, 7, r.endTime);
                setCount(upsert, 8, r.nodeCount);
                setText(upsert, 9, r.partition);
                upsert.setObject(10, utc(observedAt));
                upsert.setObject(11, utc(observedAt));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    private record SpanKey(String username, String projectCode, String queueName) {
    }

    private record OpenSpan(long id, List<Integer> load) {
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
                    extend.setObject(1, utc(observedAt));
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
                    insert.setString(2, row.username);
                    insert.setString(3, row.projectCode);
                    insert.setString(4, row.queueName);
                    int index = 5;
                    for (Integer value : load(row)) {
                        setCount(insert, index++, value);
                    }
                    insert.setObject(index++, utc(observedAt));
                    insert.setObject(index, utc(observedAt));
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
            select.setObject(2, utc(previous));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    List<Integer> load = new ArrayList<>(LOAD_FIELDS.size());
                    for (int i = 0; i < LOAD_FIELDS.size(); i++) {
                        int value = rs.getInt(5 + i);
                        load.add(rs.wasNull() ? null : value);
                    }
                    open.put(new SpanKey(rs.getString(2), rs.getString(3), rs.getString(4)), new OpenSpan(rs.getLong(1), load));
                }
            }
        }
        return open;
    }

    private static List<Integer> load(UserLoadSpan row) {
        List<Integer> load = new ArrayList<>(LOAD_FIELDS.size());
        for (var field : LOAD_FIELDS) {
            load.add((Integer) field.getter().apply(row));
        }
        return load;
    }

    private static void setText(PreparedStatement statement, int index, String value) throws SQLException {
        statement.setObject(index, value, Types.VARCHAR);
    }

    private static void setFlag(PreparedStatement statement, int index, Boolean value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BOOLEAN);
        } else {
            statement.setBoolean(index, value);
        }
    }

    private static void setCount(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void setTime(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP);
        } else {
            statement.setObject(index, utc(value));
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
