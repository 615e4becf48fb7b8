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
        Series series = readEach(system, scope, scope.isSystem() ? "" : scopeName, metric, from, to).get(scope.isSystem() ? "" : scopeName);
        return series != null ? series : new Series(plan(from, to), empty(plan(from, to), metric));
    }

    /**
     * The series of every queue, filesystem, ... of the system at once (one query for a table of them), by name;
     * a name without data in the range is absent.
     */
    public java.util.Map<String, Series> readAll(ConfiguredSystem system, RollupScope scope, RollupScope.Metric metric,
            Instant from, Instant to) {
        return readEach(system, scope, null, metric, from, to);
    }

    private java.util.Map<String, Series> readEach(ConfiguredSystem system, RollupScope scope, String scopeName,
            RollupScope.Metric metric, Instant from, Instant to) {
        HistoryQuery plan = plan(from, to);
        boolean raw = plan.source() == HistoryQuery.Source.RAW;
        boolean snapshots = metric.name().equals(RollupScope.SNAPSHOTS);
        java.util.Map<String, Slots> byName = new java.util.LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(raw ? rawSql(scope, metric, scopeName != null)
                        : rollupSql(scopeName != null))) {
            int i = 1;
            select.setLong(i++, system.id());
            if (!raw) {
                select.setString(i++, plan.source() == HistoryQuery.Source.HOURLY ? Rollups.HOURLY : Rollups.DAILY);
                select.setString(i++, scope.key());
                select.setString(i++, metric.name());
            }
            if (scopeName != null && (!raw || !scope.isSystem())) {
                select.setString(i++, scopeName);
                if (raw) {
                    select.setLong(i++, system.id());
                }
            }
            select.setObject(i++, JobRuns.utc(plan.firstSlot()));
            select.setObject(i, JobRuns.utc(to));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    int slot = plan.slotOf(rows.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC));
                    if (slot < 0) {
                        continue;
                    }
                    String name = raw ? (scope.isSystem() ? "" : scopeName != null ? scopeName : rows.getString(3))
                            : rows.getString(6);
                    Slots slots = byName.computeIfAbsent(name, n -> new Slots(plan.slots()));
                    if (raw) {
                        double value = snapshots ? 1 : rows.getDouble(2);
                        if (!snapshots && rows.wasNull()) {
                            continue;
                        }
                        slots.add(slot, 1, value, value, value);
                    } else {
                        slots.add(slot, rows.getInt(2), rows.getDouble(3), rows.getDouble(4), rows.getDouble(5));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("History read failed", e);
        }
        java.util.Map<String, Series> series = new java.util.LinkedHashMap<>();
        byName.forEach((name, slots) -> series.put(name, new Series(plan, slots.points(plan, snapshots))));
        return series;
    }

    private static List<Point> empty(HistoryQuery plan, RollupScope.Metric metric) {
        return new Slots(plan.slots()).points(plan, metric.name().equals(RollupScope.SNAPSHOTS));
    }

    /** Sums, extremes and counts per slot of one series, as rows arrive. */
    private static final class Slots {
        final double[] sum;
        final double[] min;
        final double[] max;
        final int[] count;

        Slots(int size) {
            sum = new double[size];
            min = new double[size];
            max = new double[size];
            count = new int[size];
        }

        void add(int slot, int samples, double low, double high, double total) {
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

        List<Point> points(HistoryQuery plan, boolean snapshots) {
            List<Point> points = new ArrayList<>(plan.slots());
            for (int slot = 0; slot < plan.slots(); slot++) {
                Instant at = plan.slotStart(slot);
                if (count[slot] == 0) {
                    points.add(new Point(at, snapshots ? 0.0 : null, null, null, 0));
                } else if (snapshots) {
                    points.add(new Point(at, sum[slot], null, null, count[slot]));
                } else {
                    boolean summary = plan.summarises();
                    points.add(new Point(at, sum[slot] / count[slot], summary ? min[slot] : null,
                            summary ? max[slot] : null, count[slot]));
                }
            }
            return points;
        }
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

    /** observed_at, the value, and for a child scope the name; one name or all. */
    private static String rawSql(RollupScope scope, RollupScope.Metric metric, boolean oneName) {
        String value = metric.name().equals(RollupScope.SNAPSHOTS) ? "1" : metric.expression(scope.isSystem() ? "s" : "c");
        if (scope.isSystem()) {
            return "SELECT s.observed_at, " + value + " FROM status_snapshot s WHERE s.system_id = ?"
                    + " AND s.observed_at >= ? AND s.observed_at < ? ORDER BY s.observed_at";
        }
        if (oneName) {
            // The name's id first: then each snapshot in range is one unique-key look-up of its row, rather than
            // every row of the snapshot joined to its name.
            return "SELECT s.observed_at, " + value + " FROM status_snapshot s JOIN " + scope.childTable() + " c"
                    + " ON c.snapshot_id = s.snapshot_id AND c." + scope.lookupId() + " = (SELECT n." + scope.lookupId()
                    + " FROM " + scope.lookupTable() + " n WHERE n.system_id = ? AND n.name = ?)"
                    + " WHERE s.system_id = ? AND s.observed_at >= ? AND s.observed_at < ? ORDER BY s.observed_at";
        }
        return "SELECT s.observed_at, " + value + ", n.name FROM " + scope.childTable() + " c"
                + " JOIN status_snapshot s ON s.snapshot_id = c.snapshot_id"
                + " JOIN " + scope.lookupTable() + " n ON n." + scope.lookupId() + " = c." + scope.lookupId()
                + " WHERE s.system_id = ? AND s.observed_at >= ? AND s.observed_at < ? ORDER BY s.observed_at";
    }

    private static String rollupSql(boolean oneName) {
        return "SELECT bucket_start, samples, min_value, max_value, sum_value, scope_name FROM rollup WHERE system_id = ?"
                + " AND resolution = ? AND scope = ? AND metric = ?" + (oneName ? " AND scope_name = ?" : "")
                + " AND bucket_start >= ? AND bucket_start < ? ORDER BY bucket_start";
    }

}
