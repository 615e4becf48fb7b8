package org.hpcstatus.chart;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.history.History;
import org.hpcstatus.kind.ChartSpec;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.kind.PartitionKind;
import org.hpcstatus.kind.SeriesScope;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.web.Formats;

/**
 * A system page's charts, drawn on the server as inline SVG: no script, allowed by the pages' Content-Security-Policy
 * (no inline style: colours are classes of the stylesheet, so they follow the light and dark palettes), printable,
 * each with a text alternative. A gap in the data (the collector silent) breaks the line; it is never drawn as 0 or
 * bridged. Outages and maintenance in the range are drawn as bands behind the lines.
 */
@ApplicationScoped
public class Charts {

    /** The ranges a system page offers, as ?range= takes them. */
    public enum Range {
        DAY("24h", "last 24 hours", Duration.ofHours(24)), WEEK("7d", "last 7 days", Duration.ofDays(7)),
        MONTH("30d", "last 30 days", Duration.ofDays(30)), YEAR("1y", "last year", Duration.ofDays(365));

        public final String key;
        public final String words;
        public final Duration span;

        Range(String key, String words, Duration span) {
            this.key = key;
            this.words = words;
            this.span = span;
        }

        public static Optional<Range> of(String key) {
            for (Range range : values()) {
                if (range.key.equals(key)) {
                    return Optional.of(range);
                }
            }
            return Optional.empty();
        }
    }

    private static final List<ChartSpec> QUEUE = List.of(
            ChartSpec.JOBS,
            new ChartSpec("Waiting for resources", "", false, List.of(Map.entry("cores_pending", "cores pending"),
                    Map.entry("gpus_pending", "GPUs pending"))),
            new ChartSpec("Wait of the jobs that started in the last hour", "min", false, List.of(
                    Map.entry("wait_median_minutes", "median"), Map.entry("wait_p90_minutes", "9 in 10 within"))));

    private static final List<ChartSpec> NODE_TYPE = List.of(
            new ChartSpec("Nodes", "nodes", false, List.of(Map.entry("nodes_allocated", "busy"),
                    Map.entry("nodes_available", "with free cores"), Map.entry("nodes_down", "down"))),
            new ChartSpec("Utilization", "%", true, List.of(Map.entry("utilization_percent", "CPU"),
                    Map.entry("memory_utilization_percent", "memory"))));

    static final int LEFT = 44;
    static final int RIGHT = 592;
    static final int TOP = 8;
    static final int BOTTOM = 140;

    /** One chart, ready to draw. */
    public record Chart(String id, String title, String description, List<Line> lines, List<Band> bands,
            List<Tick> yTicks, List<Tick> xTicks, boolean empty) {
    }

    /**
     * A line: its class (its colour), label, the path (gaps as breaks), the points that stand alone (a single
     * snapshot, or one between gaps, which a path cannot draw), and its latest value in words.
     */
    public record Line(String cssClass, String label, String path, List<Dot> dots, String latest) {
    }

    /** A point drawn as a dot. */
    public record Dot(String x, String y) {
    }

    /** An outage or maintenance span behind the lines. */
    public record Band(double x, double width, String cssClass, String label) {
    }

    /** A label on an axis, at its coordinate, anchored (start, middle, end) so that the outer ones stay inside. */
    public record Tick(double at, String text, String anchor) {

        Tick(double at, String text) {
            this(at, text, "end");
        }
    }

    @Inject
    History history;

    /**
     * Charts as drawn, for a minute or until what they show changes (a newer snapshot, an outage changed): a page
     * is read far more often than its data changes, and drawing 11 series costs tens of milliseconds.
     */
    private final Cache<String, List<Chart>> drawn = Caffeine.newBuilder().maximumSize(500)
            .expireAfterWrite(Duration.ofSeconds(60)).build();

    @Inject
    StatusConfig config;

    /** A system's charts; {@code dataVersion} names the data they show (its newest snapshot), for the cache. */
    public List<Chart> of(ConfiguredSystem system, Range range, Instant now, List<Outage> outages, long dataVersion) {
        List<ChartSpec> specs = KindProfile.of(system.kind()).charts();
        return drawn.get(key(system, "", range, outages, dataVersion), k -> {
            List<Chart> charts = new ArrayList<>(charts(system, SeriesScope.SYSTEM, "", specs, range, now, outages));
            loginLoad(system, range, now, outages).ifPresent(charts::add);
            return charts;
        });
    }

    /** The login nodes' 1-minute load: the average over the nodes and the busiest one, per step. */
    private Optional<Chart> loginLoad(ConfiguredSystem system, Range range, Instant now, List<Outage> outages) {
        Optional<SeriesScope.Metric> load = SeriesScope.LOGIN_NODE.metrics(system.kind()).stream()
                .filter(m -> m.name().equals("load_1min")).findFirst();
        if (load.isEmpty()) {
            return Optional.empty();
        }
        Instant from = now.minus(range.span);
        Map<String, History.Series> nodes = history.readAll(system, SeriesScope.LOGIN_NODE, load.get(), from, now);
        if (nodes.isEmpty()) {
            return Optional.empty();
        }
        var plan = nodes.values().iterator().next().plan();
        List<History.Point> average = new ArrayList<>();
        List<History.Point> busiest = new ArrayList<>();
        for (int slot = 0; slot < plan.slots(); slot++) {
            double sum = 0;
            double max = 0;
            int count = 0;
            Instant at = null;
            for (History.Series node : nodes.values()) {
                History.Point p = node.points().get(slot);
                at = p.time();
                if (p.value() != null) {
                    sum += p.value();
                    max = Math.max(max, p.value());
                    count++;
                }
            }
            average.add(new History.Point(at, count == 0 ? null : sum / count, null, null, count));
            busiest.add(new History.Point(at, count == 0 ? null : max, null, null, count));
        }
        ChartSpec spec = new ChartSpec("Login node load (1 min)", "", false, List.of());
        return Optional.of(draw(system.name() + "-login", spec, range, List.of(new History.Series(plan, average),
                new History.Series(plan, busiest)), List.of("average of " + Formats.nodes(nodes.size()), "busiest"), from, now,
                Zones.display(config.dashboard()), outages));
    }

    /** A queue's charts: its jobs, and the cores and GPUs its pending jobs wait for. */
    public List<Chart> ofQueue(ConfiguredSystem system, String queue, Range range, Instant now, List<Outage> outages,
            long dataVersion) {
        return drawn.get(key(system, "queue:" + queue, range, outages, dataVersion),
                k -> charts(system, SeriesScope.QUEUE, queue, QUEUE, range, now, outages));
    }

    /** A partition's chart of its node states over the range. */
    public List<Chart> ofPartition(ConfiguredSystem system, PartitionKind partition, Range range, Instant now,
            List<Outage> outages, long dataVersion) {
        return drawn.get(key(system, "partition:" + partition.key, range, outages, dataVersion),
                k -> charts(system, SeriesScope.SYSTEM, "", List.of(partition.chart(KindProfile.of(system.kind()).sharesNodes())), range,
                        now, outages));
    }

    /** A node type's charts (Casper): its nodes by state, and its CPU and memory use. */
    public List<Chart> ofNodeType(ConfiguredSystem system, String type, Range range, Instant now, List<Outage> outages,
            long dataVersion) {
        return drawn.get(key(system, "node-type:" + type, range, outages, dataVersion),
                k -> charts(system, SeriesScope.NODE_TYPE, type, NODE_TYPE, range, now, outages));
    }

    private static String key(ConfiguredSystem system, String what, Range range, List<Outage> outages, long dataVersion) {
        StringBuilder key = new StringBuilder(system.name()).append('\0').append(what).append('\0').append(range.key)
                .append('\0').append(dataVersion);
        outages.forEach(o -> key.append('\0').append(o.id).append(':').append(o.version));
        return key.toString();
    }

    private List<Chart> charts(ConfiguredSystem system, SeriesScope scope, String name, List<ChartSpec> specs,
            Range range, Instant now, List<Outage> outages) {
        List<SeriesScope.Metric> known = scope.metrics(system.kind());
        Instant from = now.minus(range.span);
        ZoneId zone = Zones.display(config.dashboard());
        List<Chart> charts = new ArrayList<>();
        for (ChartSpec spec : specs) {
            List<History.Series> series = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            for (Map.Entry<String, String> line : spec.lines()) {
                known.stream().filter(m -> m.name().equals(line.getKey())).findFirst().ifPresent(metric -> {
                    series.add(history.read(system, scope, name, metric, from, now));
                    labels.add(line.getValue());
                });
            }
            if (!series.isEmpty()) {
                String id = system.name() + (scope.isSystem() ? "" : "-" + scope.key()) + "-" + charts.size();
                charts.add(draw(id, spec, range, series, labels, from, now, zone, outages));
            }
        }
        return charts;
    }

    private static Chart draw(String id, ChartSpec spec, Range range, List<History.Series> series, List<String> labels,
            Instant from, Instant to, ZoneId zone, List<Outage> outages) {
        double top = spec.percent() ? 100 : 0;
        boolean any = false;
        for (History.Series s : series) {
            for (History.Point p : s.points()) {
                if (p.value() != null) {
                    any = true;
                    top = Math.max(top, p.max() != null ? Math.max(p.max(), p.value()) : p.value());
                }
            }
        }
        top = niceCeiling(top);
        List<Line> lines = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            History.Series s = series.get(i);
            StringBuilder path = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            List<History.Point> points = s.points();
            for (int j = 0; j < points.size(); j++) {
                History.Point p = points.get(j);
                if (p.value() == null) {
                    continue;
                }
                boolean joined = j > 0 && points.get(j - 1).value() != null;
                boolean alone = !joined && (j == points.size() - 1 || points.get(j + 1).value() == null);
                double x = x(p.time().plus(s.plan().step().dividedBy(2)), from, to);
                double y = BOTTOM - (BOTTOM - TOP) * (p.value() / top);
                if (alone) {
                    dots.add(new Dot(fmt(x), fmt(y)));
                } else {
                    path.append(joined ? " L" : (path.length() == 0 ? "M" : " M")).append(fmt(x)).append(' ')
                            .append(fmt(y));
                }
            }
            // The newest snapshot's own value, as the tables show it; "avg" where only an average is known (a
            // summary, or several values at once).
            String latestText = s.latest() == null ? "no data" : (s.latestAveraged() ? "avg " : "")
                    + number(s.latest()) + (spec.unit().equals("%") ? " %" : "");
            lines.add(new Line("series-" + (i + 1), labels.get(i), path.toString(), dots, latestText));
            said.add(labels.get(i) + " " + latestText);
        }
        List<Band> bands = new ArrayList<>();
        for (Outage outage : outages) {
            Instant start = outage.startTime.isBefore(from) ? from : outage.startTime;
            Instant end = outage.endTime == null || outage.endTime.isAfter(to) ? to : outage.endTime;
            if (!end.isAfter(start) || outage.startTime.isAfter(to)) {
                continue;
            }
            double x0 = x(start, from, to);
            double width = Math.max(1, x(end, from, to) - x0);
            boolean maintenance = Outage.MAINTENANCE.equals(outage.severity);
            bands.add(new Band(round(x0), round(width), maintenance ? "band-maintenance" : "band-" + outage.severity,
                    (maintenance ? "Maintenance: " : outage.severity + " outage: ") + outage.title));
        }
        List<Tick> yTicks = List.of(new Tick(BOTTOM, "0"), new Tick((BOTTOM + TOP) / 2.0, number(top / 2)),
                new Tick(TOP, number(top)));
        DateTimeFormatter format = range == Range.DAY ? DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH)
                : range == Range.YEAR ? DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH)
                        : DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            Instant at = from.plus(Duration.between(from, to).multipliedBy(i).dividedBy(4));
            xTicks.add(new Tick(round(x(at, from, to)), format.format(at.atZone(zone)),
                    i == 0 ? "start" : i == 4 ? "end" : "middle"));
        }
        String title = spec.title() + ", " + range.words;
        String description = any ? title + ". Latest: " + String.join(", ", said) + "." + (bands.isEmpty() ? ""
                : " " + bands.size() + " outage or maintenance period" + (bands.size() == 1 ? "" : "s") + " shown.")
                : title + ": no data in this range.";
        return new Chart(id, title, description, lines, bands, yTicks, xTicks, !any);
    }

    private static double x(Instant at, Instant from, Instant to) {
        double share = (double) Duration.between(from, at).toMillis() / Duration.between(from, to).toMillis();
        return LEFT + (RIGHT - LEFT) * Math.max(0, Math.min(1, share));
    }

    /** 1, 2 or 5 times a power of ten, at or above the value: an axis that reads well. */
    static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (value <= step * power) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        if (Math.abs(value - Math.rint(value)) < 0.05 || Math.abs(value) >= 100) {
            return String.format(Locale.ENGLISH, "%,d", Math.round(value));
        }
        return String.format(Locale.ENGLISH, "%.1f", value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
