package org.hpcstatus.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;

/**
 * Rolls raw snapshots up into hourly and daily summaries, incrementally: ingest marks each stored snapshot's hour
 * (a rollup_mark row per snapshot); this recomputes a marked hour from its raw rows, then its UTC day from its
 * hours, in one transaction per hour, and removes the marks it read, and only those: a post that marks the hour
 * meanwhile leaves its mark for the next run. Recomputing rather than adding makes a late, out-of-order or repeated
 * run harmless: an hour's summary is always what its raw rows say.
 */
@ApplicationScoped
public class Rollups {

    static final String HOURLY = "h";
    static final String DAILY = "d";
    /** How many marks a run reads per hour it may do: an hour of a steady collector has 12. */
    private static final int MARKS_PER_HOUR_READ = 50;
    private static final int CLEAR_BATCH = 500;
    private static final String INSERT = "INSERT INTO rollup (system_id, resolution, bucket_start, scope, scope_name,"
            + " metric, samples, min_value, max_value, sum_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    DataSource dataSource;

    @Inject
    SystemCatalog systems;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /** A marked hour and the marks read for it. */
    private record Pending(long systemId, LocalDateTime hour, List<Long> marks) {
    }

    /**
     * Rolls up to {@code maxHours} marked hours, by system and oldest first; returns how many it did. Marks are read
     * a bounded number at a time (a back-fill marks an hour hundreds of times); an hour whose marks the bound cut in
     * two is recomputed again next time, which is harmless.
     */
    public int rollUp(int maxHours) {
        List<Pending> pending = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT mark_id, system_id, hour_start"
                        + " FROM rollup_mark ORDER BY system_id, hour_start LIMIT ?")) {
            select.setInt(1, maxHours * MARKS_PER_HOUR_READ);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long systemId = rows.getLong(2);
                    LocalDateTime hour = rows.getObject(3, LocalDateTime.class);
                    Pending last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
                    if (last == null || last.systemId() != systemId || !last.hour().equals(hour)) {
                        if (pending.size() == maxHours) {
                            break;
                        }
                        last = new Pending(systemId, hour, new ArrayList<>());
                        pending.add(last);
                    }
                    last.marks().add(rows.getLong(1));
                }
            }
            Instant rawKeptFrom = clock.instant().minus(config.history().rawRetention());
            for (int i = 0; i < pending.size(); i++) {
                Pending hour = pending.get(i);
                // A day is recomputed once, with the last of its hours in this run (the hours before it are
                // committed first; if the run dies in between, that last hour is still marked and does it next time).
                boolean lastOfItsDay = i == pending.size() - 1 || pending.get(i + 1).systemId() != hour.systemId()
                        || !pending.get(i + 1).hour().truncatedTo(ChronoUnit.DAYS).equals(hour.hour().truncatedTo(ChronoUnit.DAYS));
                ConfiguredSystem system = systems.all().stream().filter(s -> s.id() == hour.systemId()).findFirst()
                        .orElse(null);
                boolean rawGone = hour.hour().toInstant(ZoneOffset.UTC).isBefore(rawKeptFrom);
                inTransaction(connection, () -> {
                    if (system != null && !rawGone) {
                        rollUpHour(connection, system, hour.hour());
                        if (lastOfItsDay) {
                            rollUpDay(connection, hour.systemId(), hour.hour().truncatedTo(ChronoUnit.DAYS));
                        }
                    } else {
                        // A system no longer configured, or an hour whose raw rows retention is deleting: its
                        // summaries stay as they were.
                        Log.debugf("Roll-up mark for system %d at %s dropped", hour.systemId(), hour.hour());
                    }
                    clear(connection, hour.marks());
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Roll-up failed", e);
        }
        return pending.size();
    }

    /** Removes the marks read, by their ids, in batches of a bounded IN list. */
    private static void clear(Connection connection, List<Long> marks) throws SQLException {
        for (int from = 0; from < marks.size(); from += CLEAR_BATCH) {
            List<Long> batch = marks.subList(from, Math.min(marks.size(), from + CLEAR_BATCH));
            try (PreparedStatement clear = connection.prepareStatement("DELETE FROM rollup_mark WHERE mark_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(batch.size(), "?")) + ")")) {
                for (int i = 0; i < batch.size(); i++) {
                    clear.setLong(i + 1, batch.get(i));
                }
                clear.executeUpdate();
            }
        }
    }

    private void rollUpHour(Connection connection, ConfiguredSystem system, LocalDateTime hour) throws SQLException {
        delete(connection, system.id(), HOURLY, hour);
        LocalDateTime end = hour.plusHours(1);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (RollupScope scope : RollupScope.values()) {
                List<RollupScope.Metric> metrics = scope.metrics(system.kind());
                if (metrics.isEmpty()) {
                    continue;
                }
                try (PreparedStatement select = connection.prepareStatement(aggregateSql(scope, metrics))) {
                    select.setLong(1, system.id());
                    select.setObject(2, hour);
                    select.setObject(3, end);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            String name = scope.isSystem() ? "" : rows.getString(1);
                            int column = 2;
                            if (scope.isSystem()) {
                                // The snapshots seen: as samples, and as min, max and sum so a day's row adds them up.
                                double seen = rows.getInt(1);
                                if (seen == 0) {
                                    continue;
                                }
                                add(insert, system.id(), HOURLY, hour, scope.key(), name, RollupScope.SNAPSHOTS, (int) seen, seen, seen, seen);
                            }
                            for (RollupScope.Metric metric : metrics) {
                                int samples = rows.getInt(column);
                                if (samples > 0) {
                                    add(insert, system.id(), HOURLY, hour, scope.key(), name, metric.name(), samples,
                                            rows.getDouble(column + 1), rows.getDouble(column + 2), rows.getDouble(column + 3));
                                }
                                column += 4;
                            }
                        }
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /** One row per scope name: [name or the snapshot count], then count, min, max, sum of each metric. */
    static String aggregateSql(RollupScope scope, List<RollupScope.Metric> metrics) {
        String aggregates = metrics.stream().map(m -> {
            String value = m.expression(scope.isSystem() ? "s" : "c");
            return "COUNT(" + value + "), MIN(" + value + "), MAX(" + value + "), SUM(" + value + ")";
        }).collect(Collectors.joining(", "));
        String range = " WHERE s.system_id = ? AND s.observed_at >= ? AND s.observed_at < ?";
        if (scope.isSystem()) {
            return "SELECT COUNT(*), " + aggregates + " FROM status_snapshot s" + range;
        }
        return "SELECT n.name, " + aggregates + " FROM " + scope.childTable() + " c"
                + " JOIN status_snapshot s ON s.snapshot_id = c.snapshot_id"
                + " JOIN " + scope.lookupTable() + " n ON n." + scope.lookupId() + " = c." + scope.lookupId()
                + range + " GROUP BY n.name";
    }

    /**
     * A UTC day from its hours' summaries, added up here: in SQL, a GROUP BY in the primary key's order made MariaDB
     * walk the system's whole hourly history through that key instead of the day's rows through ix_rollup_bucket.
     */
    private static void rollUpDay(Connection connection, long systemId, LocalDateTime day) throws SQLException {
        delete(connection, systemId, DAILY, day);
        record Key(String scope, String name, String metric) {
        }
        Map<Key, double[]> sums = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT scope, scope_name, metric, samples,"
                + " min_value, max_value, sum_value FROM rollup WHERE system_id = ? AND resolution = ?"
                + " AND bucket_start >= ? AND bucket_start < ?")) {
            select.setLong(1, systemId);
            select.setString(2, HOURLY);
            select.setObject(3, day);
            select.setObject(4, day.plusDays(1));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    double[] total = sums.computeIfAbsent(new Key(rows.getString(1), rows.getString(2), rows.getString(3)),
                            k -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
                    total[0] += rows.getInt(4);
                    total[1] = Math.min(total[1], rows.getDouble(5));
                    total[2] = Math.max(total[2], rows.getDouble(6));
                    total[3] += rows.getDouble(7);
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Map.Entry<Key, double[]> e : sums.entrySet()) {
                double[] t = e.getValue();
                add(insert, systemId, DAILY, day, e.getKey().scope(), e.getKey().name(), e.getKey().metric(), (int) t[0],
                        t[1], t[2], t[3]);
            }
            insert.executeBatch();
        }
    }

    private static void delete(Connection connection, long systemId, String resolution, LocalDateTime bucket)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM rollup WHERE system_id = ?"
                + " AND resolution = ? AND bucket_start = ?")) {
            delete.setLong(1, systemId);
            delete.setString(2, resolution);
            delete.setObject(3, bucket);
            delete.executeUpdate();
        }
    }

    private static void add(PreparedStatement insert, long systemId, String resolution, LocalDateTime bucket,
            String scope, String name, String metric, int samples, Double min, Double max, Double sum) throws SQLException {
        insert.setLong(1, systemId);
        insert.setString(2, resolution);
        insert.setObject(3, bucket);
        insert.setString(4, scope);
        insert.setString(5, name);
        insert.setString(6, metric);
        insert.setInt(7, samples);
        insert.setObject(8, min);
        insert.setObject(9, max);
        insert.setObject(10, sum);
        insert.addBatch();
    }

    interface SqlWork {
        void run() throws SQLException;
    }

    static void inTransaction(Connection connection, SqlWork work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            work.run();
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
