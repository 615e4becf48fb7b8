package org.hpcstatus.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.snapshot.ChildArray;

/**
 * Deletes what is older than its window, in batches of hpcstatus.history.delete-batch rows, each its own short
 * transaction: no long table lock, no transaction over thousands of rows, and a run cut short (a replica killed)
 * leaves only whole batches done, for the next run to go on from. Raw snapshots go with their child rows, except
 * the one a system's latest pointer names (a collector silent for months still shows its last report).
 */
@ApplicationScoped
public class Retention {

    @Inject
    DataSource dataSource;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /** What one run deleted, by what. */
    public record Deleted(Map<String, Integer> rows) {

        public int total() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public Deleted run() {
        StatusConfig.History windows = config.history();
        Instant now = clock.instant();
        long started = System.nanoTime();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            deleted.put("snapshots", snapshots(connection, before(now, windows.rawRetention())));
            deleted.put("hourly", batched(connection, "rollup", "resolution = 'h' AND bucket_start < ?",
                    before(now, windows.hourlyRetention())));
            deleted.put("daily", batched(connection, "rollup", "resolution = 'd' AND bucket_start < ?",
                    before(now, windows.dailyRetention())));
            deleted.put("user_load_spans", batched(connection, "user_load_span", "last_seen < ?",
                    before(now, windows.userLoadRetention())));
            deleted.put("reservations", batched(connection, "reservation",
                    "COALESCE(end_time, last_reported_at) < ? AND last_reported_at < ?",
                    before(now, windows.reservationRetention()), before(now, windows.reservationRetention())));
            deleted.put("outages", outages(connection, before(now, windows.outageRetention())));
            deleted.put("job_runs", batched(connection, "job_run", "period_start < ?", before(now, Duration.ofDays(7))));
            deleted.put("operator_sessions", batched(connection, "operator_session", "expires_at < ?", before(now, Duration.ZERO)));
            // Webhook deliveries a month old: delivered, or given up after their last attempt long since.
            deleted.put("webhook_deliveries", batched(connection, "webhook_delivery", "created_at < ?",
                    before(now, Duration.ofDays(30))));
        } catch (SQLException e) {
            throw new IllegalStateException("Retention failed", e);
        }
        Log.infof("Retention deleted %s in %d ms", deleted, (System.nanoTime() - started) / 1_000_000);
        return new Deleted(deleted);
    }

    private static LocalDateTime before(Instant now, Duration window) {
        return JobRuns.utc(now.minus(window));
    }

    /** Deletes matching rows a batch at a time (DELETE ... LIMIT, each batch committed by itself). */
    private int batched(Connection connection, String table, String where, LocalDateTime... cutoffs) throws SQLException {
        int total = 0;
        while (true) {
            int count;
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + where
                    + " LIMIT " + config.history().deleteBatch())) {
                for (int i = 0; i < cutoffs.length; i++) {
                    delete.setObject(i + 1, cutoffs[i]);
                }
                count = delete.executeUpdate();
            }
            total += count;
            if (count < config.history().deleteBatch()) {
                return total;
            }
        }
    }

    /** Raw snapshots older than the cutoff, with their child rows, a batch of snapshots per transaction. */
    private int snapshots(Connection connection, LocalDateTime cutoff) throws SQLException {
        int total = 0;
        while (true) {
            List<Long> ids = ids(connection, "SELECT snapshot_id FROM status_snapshot WHERE observed_at < ? AND"
                    + " snapshot_id NOT IN (SELECT snapshot_id FROM latest_snapshot WHERE snapshot_id IS NOT NULL)"
                    + " ORDER BY observed_at LIMIT " + config.history().deleteBatch(), cutoff);
            if (ids.isEmpty()) {
                return total;
            }
            Rollups.inTransaction(connection, () -> {
                for (ChildArray<?> array : ChildArray.PER_SNAPSHOT) {
                    deleteIds(connection, array.table().name(), "snapshot_id", ids);
                }
                deleteIds(connection, "status_snapshot", "snapshot_id", ids);
            });
            total += ids.size();
        }
    }

    /** Resolved outages that ended before the cutoff, with their timelines. */
    private int outages(Connection connection, LocalDateTime cutoff) throws SQLException {
        int total = 0;
        while (true) {
            List<Long> ids = ids(connection, "SELECT outage_id FROM outage WHERE status = 'resolved' AND end_time < ?"
                    + " ORDER BY end_time LIMIT " + config.history().deleteBatch(), cutoff);
            if (ids.isEmpty()) {
                return total;
            }
            Rollups.inTransaction(connection, () -> {
                deleteIds(connection, "outage_update", "outage_id", ids);
                deleteIds(connection, "outage", "outage_id", ids);
            });
            total += ids.size();
        }
    }

    private static List<Long> ids(Connection connection, String sql, LocalDateTime cutoff) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, cutoff);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        return ids;
    }

    private static void deleteIds(Connection connection, String table, String column, List<Long> ids) throws SQLException {
        String placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + column
                + " IN (" + placeholders + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                delete.setLong(i + 1, ids.get(i));
            }
            delete.executeUpdate();
        }
    }
}
