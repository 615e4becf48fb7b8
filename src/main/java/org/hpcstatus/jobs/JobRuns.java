package org.hpcstatus.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hpcstatus.database.DatabaseErrors;

/**
 * Which replica does a scheduled job's work for a period: a database lease, one row per (job, period) in job_run,
 * of which this is the one owner.
 * Every replica's scheduler fires; the first to insert the row holds the period (the primary key makes that
 * exclusive), does the work and marks it complete. A replica that dies mid-job leaves the row unfinished: once its
 * lease has run out, another replica claims it and does the work again, which every job here is written to allow.
 * Times are the replicas' clocks (keep them in sync, as for the form login's sessions).
 */
@ApplicationScoped
public class JobRuns {

    /** This replica, as job_run.holder shows it. */
    private final String holder = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** The period of {@code every} that {@code now} falls in, counted from the epoch in UTC. */
    public static Instant periodStart(Instant now, Duration every) {
        long step = every.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), step) * step);
    }

    /**
     * Runs {@code work} for the period unless another replica has done it or is doing it; true when this replica
     * did it now.
     */
    public boolean runOnce(String job, Instant period, Duration lease, Runnable work) {
        return runOnce(job, period, lease, work, holder);
    }

    /** As {@link #runOnce(String, Instant, Duration, Runnable)}, as the replica named {@code as} (tests play two). */
    boolean runOnce(String job, Instant period, Duration lease, Runnable work, String as) {
        if (!claim(job, period, lease, as)) {
            return false;
        }
        work.run();
        complete(job, period, as);
        Log.debugf("Job %s for %s done by %s", job, period, as);
        return true;
    }

    private boolean claim(String job, Instant period, Duration lease, String as) {
        Instant now = clock.instant();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                JobRun run = new JobRun();
                run.jobName = job;
                run.periodStart = period;
                run.holder = as;
                run.leaseUntil = now.plus(lease);
                em.persist(run);
            });
            return true;
        } catch (RuntimeException taken) {
            if (!DatabaseErrors.isConstraintViolation(taken)) {
                throw taken;
            }
        }
        // Claimed before: take it over only if unfinished and its holder's lease has run out.
        boolean taken = QuarkusTransaction.requiringNew().call(() -> em.createQuery("update JobRun r set r.holder = :as,"
                + " r.leaseUntil = :until where r.jobName = :job and r.periodStart = :period and r.completedAt is null"
                + " and r.leaseUntil < :now").setParameter("as", as).setParameter("until", now.plus(lease))
                .setParameter("job", job).setParameter("period", period).setParameter("now", now).executeUpdate() == 1);
        if (taken) {
            Log.infof("Job %s for %s: taking over an unfinished run whose lease ran out", job, period);
        }
        return taken;
    }

    private void complete(String job, Instant period, String as) {
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("update JobRun r set r.completedAt = :now"
                + " where r.jobName = :job and r.periodStart = :period and r.holder = :as")
                .setParameter("now", clock.instant()).setParameter("job", job).setParameter("period", period)
                .setParameter("as", as).executeUpdate());
    }

    /** Deletes the runs of periods that began before {@code cutoff}; returns how many (retention calls this). */
    public int deleteBefore(Instant cutoff) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("delete from JobRun r"
                + " where r.periodStart < :cutoff").setParameter("cutoff", cutoff).executeUpdate());
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "replica" : host;
    }
}
