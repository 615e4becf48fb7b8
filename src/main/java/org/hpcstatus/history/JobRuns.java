package org.hpcstatus.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import org.hpcstatus.database.DatabaseErrors;

/**
 * Which replica does a scheduled job's work for a period: a database lease, one row per (job, period) in job_run.
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
    DataSource dataSource;

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
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO job_run (job_name, period_start,"
                    + " holder, lease_until) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, job);
                insert.setObject(2, utc(period));
                insert.setString(3, as);
                insert.setObject(4, utc(now.plus(lease)));
                insert.executeUpdate();
                return true;
            } catch (SQLException taken) {
                if (!DatabaseErrors.isConstraintViolation(taken)) {
                    throw taken;
                }
            }
            // Claimed before: take it over only if unfinished and its holder's lease has run out.
            try (PreparedStatement takeOver = connection.prepareStatement("UPDATE job_run SET holder = ?, lease_until = ?"
                    + " WHERE job_name = ? AND period_start = ? AND completed_at IS NULL AND lease_until < ?")) {
                takeOver.setString(1, as);
                takeOver.setObject(2, utc(now.plus(lease)));
                takeOver.setString(3, job);
                takeOver.setObject(4, utc(period));
                takeOver.setObject(5, utc(now));
                boolean taken = takeOver.executeUpdate() == 1;
                if (taken) {
                    Log.infof("Job %s for %s: taking over an unfinished run whose lease ran out", job, period);
                }
                return taken;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not claim job " + job + " for " + period, e);
        }
    }

    private void complete(String job, Instant period, String as) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement done = connection.prepareStatement("UPDATE job_run SET completed_at = ?"
                        + " WHERE job_name = ? AND period_start = ? AND holder = ?")) {
            done.setObject(1, utc(clock.instant()));
            done.setString(2, job);
            done.setObject(3, utc(period));
            done.setString(4, as);
            done.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not complete job " + job + " for " + period, e);
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String hostName() {
        String host = System.getenv("HOSTNAME");
        return host == null || host.isBlank() ? "replica" : host;
    }
}
