package org.hpcstatus.history;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseNotReady;

/**
 * The scheduled work: every replica's scheduler fires, and JobRuns lets one of them do each period's work. Nothing
 * runs before the database is ready.
 */
@ApplicationScoped
public class ScheduledJobs {

    /** Most marked hours one roll-up run takes on (a backlog is worked off over the next runs). */
    private static final int HOURS_PER_RUN = 2_000;
    private static final Duration LEASE = Duration.ofMinutes(10);

    @Inject
    JobRuns runs;

    @Inject
    Rollups rollups;

    @Inject
    Retention retention;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @Scheduled(identity = "rollup", every = "${hpcstatus.history.rollup-every:1M}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DatabaseNotReady.class)
    void rollUp() {
        Duration every = config.history().rollupEvery();
        runs.runOnce("rollup", JobRuns.periodStart(clock.instant(), every), LEASE, () -> {
            long started = System.nanoTime();
            int hours = rollups.rollUp(HOURS_PER_RUN);
            if (hours > 0) {
                Log.infof("Rolled up %d hours in %d ms", hours, (System.nanoTime() - started) / 1_000_000);
            }
        });
    }

    @Scheduled(identity = "retention", every = "${hpcstatus.history.retention-every:1H}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DatabaseNotReady.class)
    void retain() {
        Duration every = config.history().retentionEvery();
        runs.runOnce("retention", JobRuns.periodStart(clock.instant(), every), LEASE, retention::run);
    }
}
