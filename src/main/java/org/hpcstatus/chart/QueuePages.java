package org.hpcstatus.chart;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.history.History;
import org.hpcstatus.history.Usual;
import org.hpcstatus.kind.SeriesScope;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.QueueStatus;
import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.web.Formats;

/** A queue's page: "will my job start soon?", answered from its backlog, what is usual at this hour, and the trend. */
@ApplicationScoped
public class QueuePages {

    @Inject
    StatusBoard board;

    @Inject
    History history;

    @Inject
    ChartPages charts;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @Transactional
    public ChartViews.QueuePage of(ConfiguredSystem system, String queue, Charts.Range range) {
        if (!history.knows(system, SeriesScope.QUEUE, queue)) {
            throw new InvalidPayloadException(system.displayName() + " has reported no queue '" + queue + "'");
        }
        LatestSnapshot latest = board.of(system).latest();
        Optional<QueueStatus> now = latest == null ? Optional.empty()
                : latest.queues().stream().filter(q -> q.queueName.equals(queue)).findFirst();
        SeriesScope.Metric pending = SeriesScope.QUEUE.metrics(system.kind()).stream()
                .filter(m -> m.name().equals("pending_jobs")).findFirst().orElseThrow();
        Instant at = clock.instant();
        List<Double> sameHours = Usual.sameHourOfWeek(at).stream()
                .map(hour -> average(system, queue, pending, hour, hour.plus(1, ChronoUnit.HOURS))).toList();
        Optional<Double> usual = Usual.median(sameHours);
        Integer current = now.map(q -> q.pendingJobs).orElse(null);
        String words = current == null ? "no current figure"
                : usual.map(u -> Usual.compared(current, u)).orElse("no usual level yet: "
                        + "it takes two of the last four weeks' history at this hour");
        Double lastHour = average(system, queue, pending, at.minus(1, ChronoUnit.HOURS), at);
        Double before = average(system, queue, pending, at.minus(4, ChronoUnit.HOURS), at.minus(3, ChronoUnit.HOURS));
        ZoneId zone = Zones.display(config.dashboard());
        String when = DateTimeFormatter.ofPattern("EEEE's around' HH:00 zzz", Locale.ENGLISH).format(at.atZone(zone));
        return new ChartViews.QueuePage(system.name(), system.displayName(), queue,
                now.map(q -> q.runningJobs).orElse(null), current, now.map(q -> q.heldJobs).orElse(null),
                now.map(q -> q.coresPending).orElse(null), now.map(q -> q.gpusPending).orElse(null), words,
                usual.orElse(null), (int) sameHours.stream().filter(v -> v != null).count(), when,
                Usual.trend(lastHour, before), now.map(q -> q.jobsStartedLastHour != null).orElse(false),
                now.map(q -> Formats.waited(q.jobsStartedLastHour, q.waitMedianMinutes, q.waitP90Minutes)).orElse(null),
                charts.ofQueue(system, queue, range));
    }

    private Double average(ConfiguredSystem system, String queue, SeriesScope.Metric metric, Instant from, Instant to) {
        List<History.Point> points = history.read(system, SeriesScope.QUEUE, queue, metric, from, to).points();
        double sum = 0;
        int count = 0;
        for (History.Point p : points) {
            if (p.value() != null) {
                sum += p.value() * p.samples();
                count += p.samples();
            }
        }
        return count == 0 ? null : sum / count;
    }
}
