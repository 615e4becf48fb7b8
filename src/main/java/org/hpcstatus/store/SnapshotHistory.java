package org.hpcstatus.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.database.Jdbc;
import org.hpcstatus.database.Mapping;
import org.hpcstatus.kind.SeriesScope;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.LatestPointer;
import org.hpcstatus.snapshot.RollupMark;
import org.hpcstatus.snapshot.Snapshot;

/**
 * The set-based SQL on the snapshot tables, for {@link Snapshots}: series of raw values for the history API, an
 * hour's aggregates for the roll-up job, the hours it has to do, and deletes by age for retention. Tables and columns
 * come from the entities and the arrays' descriptors.
 */
@ApplicationScoped
class SnapshotHistory {

    static final String SNAPSHOTS = Mapping.table(Snapshot.class);
    static final String SNAPSHOT_ID = Mapping.idColumn(Snapshot.class);
    private static final String LATEST = Mapping.table(LatestPointer.class);
    private static final String MARKS = Mapping.table(RollupMark.class);
    private static final String MARK_ID = Mapping.idColumn(RollupMark.class);
    private static final ChildArray.Table SPANS = ChildArray.USER_LOADS.table();
    private static final ChildArray.Table RESERVATIONS = ChildArray.RESERVATIONS.table();

    @Inject
    Jdbc jdbc;

    /**
     * Each raw value of {@code metric} in [from, to), in time order, of the system or of one name of the scope (all
     * names when {@code name} is null); the metric "snapshots" counts each snapshot as 1.
     */
    void rawSeries(long systemId, SeriesScope scope, String name, SeriesScope.Metric metric, Instant from, Instant to,
            SeriesScope.Values sink) {
        boolean snapshots = metric.name().equals(SeriesScope.SNAPSHOTS);
        String value = snapshots ? "1" : metric.expression(scope.isSystem() ? "s" : "c");
        String sql;
        if (scope.isSystem()) {
            sql = "SELECT s.observed_at, " + value + " FROM " + SNAPSHOTS + " s WHERE s.system_id = ?"
                    + " AND s.observed_at >= ? AND s.observed_at < ? ORDER BY s.observed_at";
        } else if (name != null) {
            // The name's id first: then each snapshot in range is one unique-key look-up of its row, rather than
            // every row of the snapshot joined to its name.
            sql = "SELECT s.observed_at, " + value + " FROM " + SNAPSHOTS + " s JOIN " + scope.childTable() + " c"
                    + " ON c." + SNAPSHOT_ID + " = s." + SNAPSHOT_ID + " AND c." + scope.lookupId() + " = (SELECT n."
                    + scope.lookupId() + " FROM " + scope.lookupTable() + " n WHERE n.system_id = ? AND n.name = ?)"
                    + " WHERE s.system_id = ? AND s.observed_at >= ? AND s.observed_at < ? ORDER BY s.observed_at";
        } else {
            sql = "SELECT s.observed_at, " + value + ", n.name FROM " + scope.childTable() + " c"
                    + " JOIN " + SNAPSHOTS + " s ON s." + SNAPSHOT_ID + " = c." + SNAPSHOT_ID
                    + " JOIN " + scope.lookupTable() + " n ON n." + scope.lookupId() + " = c." + scope.lookupId()
                    + " WHERE s.system_id = ? AND s.observed_at >= ? AND s.observed_at < ? ORDER BY s.observed_at";
        }
        jdbc.withConnection(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int i = 1;
                if (!scope.isSystem() && name != null) {
                    select.setLong(i++, systemId);
                    select.setString(i++, name);
                }
                select.setLong(i++, systemId);
                select.setObject(i++, Jdbc.utc(from));
                select.setObject(i, Jdbc.utc(to));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        double v = rows.getDouble(2);
                        if (rows.wasNull()) {
                            continue;
                        }
                        String rowName = scope.isSystem() ? "" : name != null ? name : rows.getString(3);
                        sink.add(Jdbc.instant(rows.getObject(1, LocalDateTime.class)), rowName, 1, v, v, v);
                    }
                }
            }
            return null;
        });
    }

    /** A scope's aggregates over [hour, hour + 1 h) of a system, one row per name ("" for the system). */
    List<HourAggregate> hourAggregates(long systemId, SeriesScope scope, List<SeriesScope.Metric> metrics, Instant hour) {
        String aggregates = metrics.stream().map(m -> {
            String value = m.expression(scope.isSystem() ? "s" : "c");
            return "COUNT(" + value + "), MIN(" + value + "), MAX(" + value + "), SUM(" + value + ")";
        }).collect(Collectors.joining(", "));
        String range = " WHERE s.system_id = ? AND s.observed_at >= ? AND s.observed_at < ?";
        String sql = scope.isSystem() ? "SELECT COUNT(*), " + aggregates + " FROM " + SNAPSHOTS + " s" + range
                : "SELECT n.name, " + aggregates + " FROM " + scope.childTable() + " c"
                        + " JOIN " + SNAPSHOTS + " s ON s." + SNAPSHOT_ID + " = c." + SNAPSHOT_ID
                        + " JOIN " + scope.lookupTable() + " n ON n." + scope.lookupId() + " = c." + scope.lookupId()
                        + range + " GROUP BY n.name";
        return jdbc.withConnection(connection -> {
            List<HourAggregate> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setLong(1, systemId);
                select.setObject(2, Jdbc.utc(hour));
                select.setObject(3, Jdbc.utc(hour.plusSeconds(3600)));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        List<double[]> values = new ArrayList<>(metrics.size());
                        for (int column = 2; column < 2 + 4 * metrics.size(); column += 4) {
                            values.add(new double[] {rows.getInt(column), rows.getDouble(column + 1),
                                    rows.getDouble(column + 2), rows.getDouble(column + 3)});
                        }
                        found.add(scope.isSystem() ? new HourAggregate("", rows.getInt(1), values)
                                : new HourAggregate(rows.getString(1), 0, values));
                    }
                }
            }
            return found;
        });
    }

    /** The oldest marks, by system and hour, at most {@code limit}. */
    List<HourMark> marks(int limit) {
        return jdbc.withConnection(connection -> {
            List<HourMark> marks = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + MARK_ID + ", system_id, hour_start"
                    + " FROM " + MARKS + " ORDER BY system_id, hour_start LIMIT ?")) {
                select.setInt(1, limit);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        marks.add(new HourMark(rows.getLong(1), rows.getLong(2),
                                Jdbc.instant(rows.getObject(3, LocalDateTime.class))));
                    }
                }
            }
            return marks;
        });
    }

    /** Removes these marks, and only these: a post that marked the hour meanwhile leaves its own for the next run. */
    void clearMarks(List<Long> ids) {
        jdbc.withConnection(connection -> {
            deleteIds(connection, MARKS, MARK_ID, ids);
            return null;
        });
    }

    /**
     * Raw snapshots observed before {@code cutoff}, with their rows, {@code batch} snapshots per transaction, except
     * the one a system's latest pointer names (a collector silent for months still shows its last report).
     */
    int deleteSnapshotsBefore(Instant cutoff, int batch) {
        return jdbc.withConnection(connection -> {
            int total = 0;
            while (true) {
                List<Long> ids = ids(connection, "SELECT " + SNAPSHOT_ID + " FROM " + SNAPSHOTS + " WHERE observed_at < ?"
                        + " AND " + SNAPSHOT_ID + " NOT IN (SELECT snapshot_id FROM " + LATEST
                        + " WHERE snapshot_id IS NOT NULL) ORDER BY observed_at LIMIT " + batch, cutoff);
                if (ids.isEmpty()) {
                    return total;
                }
                Jdbc.inTransaction(connection, () -> {
                    for (ChildArray<?> array : ChildArray.PER_SNAPSHOT) {
                        deleteIds(connection, array.table().name(), SNAPSHOT_ID, ids);
                    }
                    deleteIds(connection, SNAPSHOTS, SNAPSHOT_ID, ids);
                });
                total += ids.size();
            }
        });
    }

    /** Per-user spans last seen before {@code cutoff}, {@code batch} at a time. */
    int deleteSpansBefore(Instant cutoff, int batch) {
        return deleteWhere(SPANS.name(), "last_seen < ?", batch, cutoff);
    }

    /** Reservations that ended, or were last reported, before {@code cutoff}, {@code batch} at a time. */
    int deleteReservationsBefore(Instant cutoff, int batch) {
        return deleteWhere(RESERVATIONS.name(), "COALESCE(end_time, last_reported_at) < ? AND last_reported_at < ?",
                batch, cutoff, cutoff);
    }

    /** The spans of a system overlapping [from, to) whose jobs held cores. */
    List<UserSpan> spansOverlapping(long systemId, Instant from, Instant to) {
        return jdbc.withConnection(connection -> {
            List<UserSpan> spans = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT username, project_code, cores_allocated,"
                    + " first_seen, last_seen FROM " + SPANS.name() + " WHERE system_id = ? AND last_seen >= ?"
                    + " AND first_seen < ? AND cores_allocated > 0")) {
                select.setLong(1, systemId);
                select.setObject(2, Jdbc.utc(from));
                select.setObject(3, Jdbc.utc(to));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        spans.add(new UserSpan(rows.getString(1), rows.getString(2), rows.getInt(3),
                                Jdbc.instant(rows.getObject(4, LocalDateTime.class)),
                                Jdbc.instant(rows.getObject(5, LocalDateTime.class))));
                    }
                }
            }
            return spans;
        });
    }

    /** Deletes the rows matching {@code where} a batch at a time, each batch committed by itself. */
    private int deleteWhere(String table, String where, int batch, Object... values) {
        return jdbc.withConnection(connection -> Jdbc.deleteInBatches(connection, table, where, batch, values));
    }

    private static List<Long> ids(Connection connection, String sql, Instant cutoff) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, Jdbc.utc(cutoff));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void deleteIds(Connection connection, String table, String column, List<Long> ids)
            throws SQLException {
        for (int from = 0; from < ids.size(); from += Jdbc.IN_LIST) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + Jdbc.IN_LIST));
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column
                    + " IN (" + Jdbc.placeholders(part.size()) + ")")) {
                for (int i = 0; i < part.size(); i++) {
                    delete.setLong(i + 1, part.get(i));
                }
                delete.executeUpdate();
            }
        }
    }
}
