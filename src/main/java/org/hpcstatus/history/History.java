package org.hpcstatus.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.system.ConfiguredSystem;

/** Reads a series: one metric of a system or of one of its queues, filesystems, ... over a range, gaps as nulls. */
@ApplicationScoped
public class History {

    @Inject
    DataSource dataSource;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /** One point: the slot's start, the average, min and max where a summary, and how many values it has. */
    public record Point(Instant time, Double value, Double min, Double max, int samples) {
    }

    public record Series(HistoryQuery plan, List<Point> points) {
    }

    public HistoryQuery plan(Instant from, Instant to) {
        Instant now = clock.instant();
        return HistoryQuery.plan(from, to, now.minus(config.history().rawRetention()),
                now.minus(config.history().hourlyRetention()));
    }

    public Series read(ConfiguredSystem system, RollupScope scope, String scopeName, RollupScope.Metric metric,
            Instant from, Instant to) {
        HistoryQuery plan = plan(from, to);
        double[] sum = new double[plan.slots()];
        double[] min = new double[plan.slots()];
        double[] max = new double[plan.slots()];
        int[] count = new int[plan.slots()];
        boolean snapshots = metric.name().equals(RollupScope.SNAPSHOTS);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(plan.source() == HistoryQuery.Source.RAW
                        ? rawSql(scope, metric) : rollupSql())) {
            int i = 1;
            select.setLong(i++, system.id());
            if (plan.source() == HistoryQuery.Source.RAW) {
                if (!scope.isSystem()) {
                    select.setString(i++, scopeName);
                }
            } else {
                select.setString(i++, plan.source() == HistoryQuery.Source.HOURLY ? Rollups.HOURLY : Rollups.DAILY);
                select.setString(i++, scope.key());
                select.setString(i++, scope.isSystem() ? "" : scopeName);
                select.setString(i++, metric.name());
            }
            select.setObject(i++, utc(plan.firstSlot()));
            select.setObject(i, utc(to));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int slot = plan.slotOf(rows.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                    if (slot < 0) {
                        continue;
                    }
                    if (plan.source() == HistoryQuery.Source.RAW) {
                        double value = snapshots ? 1 : rows.getDouble(2);
                        if (!snapshots && rows.wasNull()) {
                            continue;
                        }
                        add(slot, 1, value, value, value, sum, min, max, count);
                    } else {
                        add(slot, rows.getInt(2), rows.getDouble(3), rows.getDouble(4), rows.getDouble(5), sum, min, max, count);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("History read failed", e);
        }
        List<Point> points = new ArrayList<>(plan.slots());
        for (int slot = 0; slot < plan.slots(); slot++) {
            Instant at = plan.slotStart(slot);
            if (count[slot] == 0) {
                points.add(new Point(at, snapshots ? 0.0 : null, null, null, 0));
            } else if (snapshots) {
                points.add(new Point(at, sum[slot], null, null, count[slot]));
            } else {
                boolean summary = plan.summarises();
                points.add(new Point(at, sum[slot] / count[slot], summary ? min[slot] : null, summary ? max[slot] : null,
                        count[slot]));
            }
        }
        return new Series(plan, points);
    }

    /** Whether the system ever reported a queue, filesystem, ... of this name. */
    public boolean knows(ConfiguredSystem system, RollupScope scope, String name) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + scope.lookupTable()
                        + " WHERE system_id = ? AND name = ?")) {
            select.setLong(1, system.id());
            select.setString(2, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("History look-up failed", e);
        }
    }

    private static void add(int slot, int samples, double low, double high, double total, double[] sum, double[] min,
            double[] max, int[] count) {
        if (count[slot] == 0) {
            min[slot] = low;
            max[slot] = high;
        } else {
            min[slot] = Math.min(min[slot], low);
            max[slot] = Math.max(max[slot], high);
        }
        sum[slot] += total;
        count[slot] += samples;
    }

    private static String rawSql(RollupScope scope, RollupScope.Metric metric) {
        String value = metric.name().equals(RollupScope.SNAPSHOTS) ? "1" : metric.expression(scope.isSystem() ? "s" : "c");
        if (scope.isSystem()) {
            return "SELECT s.observed_at, " + value + " FROM status_snapshot s WHERE s.system_id = ?"
                    + " AND s.observed_at >= ? AND s.observed_at < ? ORDER BY s.observed_at";
        }
        return "SELECT s.observed_at, " + value + " FROM " + scope.childTable() + " c"
                + " JOIN status_snapshot s ON s.snapshot_id = c.snapshot_id"
                + " JOIN " + scope.lookupTable() + " n ON n." + scope.lookupId() + " = c." + scope.lookupId()
                + " WHERE s.system_id = ? AND n.name = ? AND s.observed_at >= ? AND s.observed_at < ? ORDER BY s.observed_at";
    }

    private static String rollupSql() {
        return "SELECT bucket_start, samples, min_value, max_value, sum_value FROM rollup WHERE system_id = ?"
                + " AND resolution = ? AND scope = ? AND scope_name = ? AND metric = ? AND bucket_start >= ?"
                + " AND bucket_start < ? ORDER BY bucket_start";
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
