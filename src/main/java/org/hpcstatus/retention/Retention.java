package org.hpcstatus.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseNotReady;
import org.hpcstatus.jobs.JobRuns;
import org.hpcstatus.notify.WebhookOutbox;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.rollup.Summaries;
import org.hpcstatus.security.OperatorSessions;
import org.hpcstatus.store.Snapshots;

/**
 * Deletes what is older than its window, each table through its owner. The big tables go in batches of
 * hpcstatus.history.delete-batch rows, each its own short transaction: no long table lock, no transaction over
 * thousands of rows, and a run cut short (a replica killed) leaves only whole batches done, for the next run to go
 * on from. Raw snapshots go with their rows, except the one a system's latest pointer names (a collector silent for
 * months still shows its last report). Every replica's scheduler fires; {@link JobRuns} lets one do each run.
 */
@ApplicationScoped
public class Retention {

    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final Duration JOB_RUNS_KEPT = Duration.ofDays(7);
    /** Webhook deliveries a month old: delivered, or given up after their last attempt long since. */
    private static final Duration DELIVERIES_KEPT = Duration.ofDays(30);

    @Inject
    Snapshots snapshots;

    @Inject
    Summaries summaries;

    @Inject
    JobRuns runs;

    @Inject
    OperatorSessions sessions;

    @Inject
    WebhookOutbox outbox;

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

    @Scheduled(identity = "retention", every = "${hpcstatus.history.retention-every:1H}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DatabaseNotReady.class)
    void scheduled() {
        Duration every = config.history().retentionEvery();
        runs.runOnce("retention", JobRuns.periodStart(clock.instant(), every), LEASE, this::run);
    }

    public Deleted run() {
        StatusConfig.History windows = config.history();
        Instant now = clock.instant();
        int batch = windows.deleteBatch();
        long started = System.nanoTime();
        Map<String, Integer> deleted = new LinkedHashMap<>();
        deleted.put("snapshots", snapshots.deleteSnapshotsBefore(now.minus(windows.rawRetention()), batch));
        deleted.put("hourly", summaries.deleteBefore(Summaries.HOURLY, now.minus(windows.hourlyRetention()), batch));
        deleted.put("daily", summaries.deleteBefore(Summaries.DAILY, now.minus(windows.dailyRetention()), batch));
        deleted.put("user_load_spans", snapshots.deleteSpansBefore(now.minus(windows.userLoadRetention()), batch));
        deleted.put("reservations", snapshots.deleteReservationsBefore(now.minus(windows.reservationRetention()),
                batch));
        deleted.put("outages", Outage.deleteResolvedBefore(now.minus(windows.outageRetention())));
        deleted.put("job_runs", runs.deleteBefore(now.minus(JOB_RUNS_KEPT)));
        deleted.put("operator_sessions", sessions.deleteExpired(now));
        deleted.put("webhook_deliveries", outbox.deleteBefore(now.minus(DELIVERIES_KEPT)));
        Log.infof("Retention deleted %s in %d ms", deleted, (System.nanoTime() - started) / 1_000_000);
        return new Deleted(deleted);
    }
}
