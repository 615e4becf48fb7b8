package org.hpcstatus.rollup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseNotReady;
import org.hpcstatus.jobs.JobRuns;
import org.hpcstatus.kind.SeriesScope;
import org.hpcstatus.store.HourAggregate;
import org.hpcstatus.store.HourMark;
import org.hpcstatus.store.Snapshots;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;

/**
 * Rolls raw snapshots up into hourly and daily summaries, incrementally: ingest marks each stored snapshot's hour;
 * this recomputes a marked hour from its raw rows, then its UTC day from its hours, and removes the marks it read,
 * and only those: a post that marks the hour meanwhile leaves its mark for the next run. Recomputing rather than
 * adding makes a late, out-of-order or repeated run harmless: an hour's summary is always what its raw rows say.
 * Every replica's scheduler fires; {@link JobRuns} lets one replica do each period's run.
 */
@ApplicationScoped
public class Rollups {

    /** Hours done per run at most: a year's back-log is caught up in a few runs without one endless transaction. */
    private static final int HOURS_PER_RUN = 2_000;
    /** How many marks a run reads per hour it may do: an hour of a steady collector has 12. */
    private static final int MARKS_PER_HOUR_READ = 50;
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    Snapshots snapshots;

    @Inject
    Summaries summaries;

    @Inject
    SystemCatalog systems;

    @Inject
    StatusConfig config;

    @Inject
    JobRuns runs;

    @Inject
    Clock clock;

    @Scheduled(identity = "rollup", every = "${hpcstatus.history.rollup-every:1M}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DatabaseNotReady.class)
    void scheduled() {
        Duration every = config.history().rollupEvery();
        runs.runOnce("rollup", JobRuns.periodStart(clock.instant(), every), LEASE, () -> {
            long started = System.nanoTime();
            int hours = rollUp(HOURS_PER_RUN);
            if (hours > 0) {
                Log.infof("Rolled up %d hours in %d ms", hours, (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    /** A marked hour and the marks read for it. */
    private record Pending(long systemId, Instant hour, List<Long> marks) {
    }

    /**
     * Rolls up to {@code maxHours} marked hours, by system and oldest first; returns how many it did. Marks are read
     * a bounded number at a time (a back-fill marks an hour hundreds of times); an hour whose marks the bound cut in
     * two is recomputed again next time, which is harmless.
     */
    public int rollUp(int maxHours) {
        List<Pending> pending = new ArrayList<>();
        for (HourMark mark : snapshots.marks(maxHours * MARKS_PER_HOUR_READ)) {
            Pending last = pending.isEmpty() ? null : pending.get(pending.size() - 1);
            if (last == null || last.systemId() != mark.systemId() || !last.hour().equals(mark.hour())) {
                if (pending.size() == maxHours) {
                    break;
                }
                last = new Pending(mark.systemId(), mark.hour(), new ArrayList<>());
                pending.add(last);
            }
            last.marks().add(mark.id());
        }
        Instant rawKeptFrom = clock.instant().minus(config.history().rawRetention());
        for (int i = 0; i < pending.size(); i++) {
            Pending hour = pending.get(i);
            // A day is recomputed once, with the last of its hours in this run (the hours before it are done first;
            // if the run dies in between, that last hour is still marked and does it next time).
            boolean lastOfItsDay = i == pending.size() - 1 || pending.get(i + 1).systemId() != hour.systemId()
                    || !day(pending.get(i + 1).hour()).equals(day(hour.hour()));
            Optional<ConfiguredSystem> system = systems.all().stream().filter(s -> s.id() == hour.systemId())
                    .findFirst();
            if (system.isPresent() && !hour.hour().isBefore(rawKeptFrom)) {
                summaries.replace(hour.systemId(), Summaries.HOURLY, hour.hour(), hourSummaries(system.get(), hour.hour()));
                if (lastOfItsDay) {
                    Instant day = day(hour.hour());
                    summaries.replace(hour.systemId(), Summaries.DAILY, day, daySummaries(hour.systemId(), day));
                }
            } else {
                // A system no longer configured, or an hour whose raw rows retention is deleting: its summaries stay.
                Log.debugf("Roll-up mark for system %d at %s dropped", hour.systemId(), hour.hour());
            }
            snapshots.clearMarks(hour.marks());
        }
        return pending.size();
    }

    private static Instant day(Instant hour) {
        return hour.truncatedTo(ChronoUnit.DAYS);
    }

    /** Every scope's metrics over the hour, from the raw rows; the system scope also counts the snapshots seen. */
    private List<Summary> hourSummaries(ConfiguredSystem system, Instant hour) {
        List<Summary> rows = new ArrayList<>();
        for (SeriesScope scope : SeriesScope.values()) {
            List<SeriesScope.Metric> metrics = scope.metrics(system.kind());
            if (metrics.isEmpty()) {
                continue;
            }
            for (HourAggregate aggregate : snapshots.hourAggregates(system.id(), scope, metrics, hour)) {
                if (scope.isSystem()) {
                    double seen = aggregate.snapshots();
                    if (seen == 0) {
                        continue;
                    }
                    // as samples, and as min, max and sum, so that a day's row adds them up
                    rows.add(Summary.of(scope.key(), "", SeriesScope.SNAPSHOTS, (int) seen, seen, seen, seen));
                }
                for (int m = 0; m < metrics.size(); m++) {
                    double[] value = aggregate.metrics().get(m);
                    if (value[0] > 0) {
                        rows.add(Summary.of(scope.key(), aggregate.name(), metrics.get(m).name(), (int) value[0],
                                value[1], value[2], value[3]));
                    }
                }
            }
        }
        return rows;
    }

    /** A UTC day from its hours' summaries, added up here (a GROUP BY made MariaDB walk the whole history's key). */
    private List<Summary> daySummaries(long systemId, Instant day) {
        record Key(String scope, String name, String metric) {
        }
        Map<Key, double[]> sums = new LinkedHashMap<>();
        for (Summary hour : summaries.between(systemId, Summaries.HOURLY, day, day.plus(1, ChronoUnit.DAYS))) {
            double[] total = sums.computeIfAbsent(new Key(hour.scope, hour.scopeName, hour.metric),
                    k -> new double[] {0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0});
            total[0] += hour.samples;
            total[1] = Math.min(total[1], hour.minValue);
            total[2] = Math.max(total[2], hour.maxValue);
            total[3] += hour.sumValue;
        }
        List<Summary> rows = new ArrayList<>();
        sums.forEach((key, t) -> rows.add(Summary.of(key.scope(), key.name(), key.metric(), (int) t[0], t[1], t[2],
                t[3])));
        return rows;
    }
}
