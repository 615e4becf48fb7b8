package org.hpcstatus.chart;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.chart.ChartViews.ChartsView;
import org.hpcstatus.chart.ChartViews.RangeLink;
import org.hpcstatus.chart.ChartViews.SeriesPage;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.history.History;
import org.hpcstatus.kind.PartitionKind;
import org.hpcstatus.kind.SeriesScope;
import org.hpcstatus.live.Changes;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.system.ConfiguredSystem;

/** The charts of a system page, and the pages of a partition, a node type and (with QueuePages) a queue. */
@ApplicationScoped
public class ChartPages {

    @Inject
    Charts charts;

    @Inject
    History history;

    @Inject
    OutageService outages;

    @Inject
    Changes changes;

    @Inject
    Clock clock;

    /** A system page's charts over {@code range}, with its outages as bands. */
    public ChartsView ofSystem(ConfiguredSystem system, Charts.Range range) {
        return view(system, range, (now, spans) -> charts.of(system, range, now, spans, dataVersion()));
    }

    /** A partition's page: its nodes by state over {@code range}; an unknown partition is a 400 naming the known. */
    public SeriesPage partition(ConfiguredSystem system, String key, Charts.Range range) {
        List<PartitionKind> stored = PartitionKind.storedBy(system.kind());
        PartitionKind partition = PartitionKind.ofKey(key).filter(stored::contains).orElseThrow(() ->
                new InvalidPayloadException(system.displayName() + " has no partition '" + key + "' (one of "
                        + String.join(", ", stored.stream().map(p -> p.key).toList()) + ")"));
        return new SeriesPage(system.name(), system.displayName(), partition.label,
                "Nodes by state over time: idle nodes are free for jobs now, down ones out of service, reserved ones"
                        + " set aside for a reservation; the rest are busy.",
                view(system, range, (now, spans) -> charts.ofPartition(system, partition, range, now, spans,
                        dataVersion())));
    }

    /** A node type's page (Casper): its nodes by state, its CPU and memory use. */
    public SeriesPage nodeType(ConfiguredSystem system, String type, Charts.Range range) {
        if (!history.knows(system, SeriesScope.NODE_TYPE, type)) {
            throw new InvalidPayloadException(system.displayName() + " has reported no node type '" + type + "'");
        }
        return new SeriesPage(system.name(), system.displayName(), "Node type " + type,
                "Nodes of this type by state, and how much of their CPUs and memory jobs hold.",
                view(system, range, (now, spans) -> charts.ofNodeType(system, type, range, now, spans, dataVersion())));
    }

    /** A queue's charts over {@code range}, with its system's outages as bands. */
    ChartsView ofQueue(ConfiguredSystem system, String queue, Charts.Range range) {
        return view(system, range, (now, spans) -> charts.ofQueue(system, queue, range, now, spans, dataVersion()));
    }

    /**
     * The version of what a chart shows: {@link Changes}, moved by every write here (a back-filled snapshot too,
     * which leaves the latest pointer where it was) and by every new latest snapshot the board watch sees on
     * another replica.
     */
    private long dataVersion() {
        return changes.version();
    }

    private ChartsView view(ConfiguredSystem system, Charts.Range range,
            BiFunction<Instant, List<Outage>, List<Charts.Chart>> draw) {
        Instant now = clock.instant();
        Instant from = now.minus(range.span);
        List<Outage> spans = outages.inEffectSince(from).stream()
                .filter(o -> o.concerns(system.id()) && !o.startTime.isAfter(now)).toList();
        List<RangeLink> links = Arrays.stream(Charts.Range.values())
                .map(r -> new RangeLink(r.key, r.key, r == range)).toList();
        long step = history.plan(from, now).step().toSeconds();
        String every = step % 86_400 == 0 ? (step == 86_400 ? "day" : step / 86_400 + " days")
                : step % 3_600 == 0 ? (step == 3_600 ? "hour" : step / 3_600 + " hours") : step / 60 + " minutes";
        return new ChartsView(draw.apply(now, spans), links, every);
    }
}
