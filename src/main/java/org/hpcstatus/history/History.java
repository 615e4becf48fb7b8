package org.hpcstatus.history;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.kind.SeriesScope;
import org.hpcstatus.rollup.Summaries;
import org.hpcstatus.store.Snapshots;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.Lookups;

/** Reads a series: one metric of a system or of one of its queues, filesystems, ... over a range, gaps as nulls. */
@ApplicationScoped
public class History {

    @Inject
    Snapshots snapshots;

    @Inject
    Summaries summaries;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @Inject
    Lookups lookups;

    /** One point: the slot's start, the average, min and max where a summary, and how many values it has. */
    public record Point(Instant time, Double value, Double min, Double max, int samples) {
    }

    /**
     * A metric's points over a range, and its newest value in the range: the last snapshot's own where raw data was
     * read (latestAveraged false), else the newest point's average (a chart's legend says "avg" then).
     */
    public record Series(HistoryQuery plan, List<Point> points, Double latest, boolean latestAveraged) {

        /** Points made by the caller: the newest is an average when it has several values behind it. */
        public Series(HistoryQuery plan, List<Point> points) {
            this(plan, points, newest(points).map(Point::value).orElse(null),
                    newest(points).map(p -> p.samples() > 1).orElse(false));
        }

        private static java.util.Optional<Point> newest(List<Point> points) {
            for (int i = points.size() - 1; i >= 0; i--) {
                if (points.get(i).value() != null) {
                    return java.util.Optional.of(points.get(i));
                }
            }
            return java.util.Optional.empty();
        }
    }

    public HistoryQuery plan(Instant from, Instant to) {
        Instant now = clock.instant();
        return HistoryQuery.plan(from, to, now.minus(config.history().rawRetention()),
                now.minus(config.history().hourlyRetention()));
    }

    public Series read(ConfiguredSystem system, SeriesScope scope, String scopeName, SeriesScope.Metric metric,
            Instant from, Instant to) {
        Series series = readEach(system, scope, scopeName, metric, from, to).get(scope.isSystem() ? "" : scopeName);
        return series != null ? series : new Series(plan(from, to), empty(plan(from, to), metric));
    }

    /**
     * The series of every queue, filesystem, ... of the system at once (one query for a table of them), by name;
     * a name without data in the range is absent.
     */
    public Map<String, Series> readAll(ConfiguredSystem system, SeriesScope scope, SeriesScope.Metric metric,
            Instant from, Instant to) {
        return readEach(system, scope, null, metric, from, to);
    }

    private Map<String, Series> readEach(ConfiguredSystem system, SeriesScope scope, String scopeName,
            SeriesScope.Metric metric, Instant from, Instant to) {
        HistoryQuery plan = plan(from, to);
        boolean snapshots = metric.name().equals(SeriesScope.SNAPSHOTS);
        Map<String, Slots> byName = new LinkedHashMap<>();
        SeriesScope.Values sink = (at, name, samples, min, max, sum) -> {
            int slot = plan.slotOf(at);
            if (slot >= 0) {
                byName.computeIfAbsent(name, n -> new Slots(plan.slots())).add(slot, at, samples, min, max, sum);
            }
        };
        String name = scope.isSystem() ? null : scopeName;
        if (plan.source() == HistoryQuery.Source.RAW) {
            this.snapshots.rawSeries(system.id(), scope, name, metric, plan.firstSlot(), to, sink);
        } else {
            summaries.series(system.id(), plan.source() == HistoryQuery.Source.HOURLY ? Summaries.HOURLY
                    : Summaries.DAILY, scope, name, metric.name(), plan.firstSlot(), to, sink);
        }
        Map<String, Series> series = new LinkedHashMap<>();
        byName.forEach((key, slots) -> series.put(key, snapshots ? new Series(plan, slots.points(plan, true))
                : new Series(plan, slots.points(plan, false), slots.latest, slots.latestSamples > 1)));
        return series;
    }

    private static List<Point> empty(HistoryQuery plan, SeriesScope.Metric metric) {
        return new Slots(plan.slots()).points(plan, metric.name().equals(SeriesScope.SNAPSHOTS));
    }

    /** Sums, extremes and counts per slot of one series, as rows arrive. */
    private static final class Slots {
        final double[] sum;
        final double[] min;
        final double[] max;
        final int[] count;
        /** The newest value seen, when it was taken, and how many values it averages (1 for a raw snapshot). */
        Instant latestAt;
        Double latest;
        int latestSamples;

        Slots(int size) {
            sum = new double[size];
            min = new double[size];
            max = new double[size];
            count = new int[size];
        }

        void add(int slot, Instant at, int samples, double low, double high, double total) {
            if (latestAt == null || !at.isBefore(latestAt)) {
                latestAt = at;
                latest = total / samples;
                latestSamples = samples;
            }
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
    public boolean knows(ConfiguredSystem system, SeriesScope scope, String name) {
        return lookups.exists(scope.names(), system.id(), name);
    }
}
