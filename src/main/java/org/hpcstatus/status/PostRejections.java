package org.hpcstatus.status;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import org.hpcstatus.contract.Timestamps;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.store.Snapshots;
import org.hpcstatus.system.ConfiguredSystem;

/**
 * Remembers that a system's collector is being turned away. A collector that posts every five minutes and gets a 400
 * each time is otherwise invisible: its system just goes stale. Each rejection is counted per system in the metrics
 * ({@code hpcstatus_posts_rejected_total}) and kept in the database, so that every replica's page can say so until
 * a post of that system is accepted again.
 */
@ApplicationScoped
public class PostRejections {

    /** Whether the collector has not recovered from this run: no post was accepted after its last rejection. */
    static boolean unrecovered(PostRejection run, LatestSnapshot latest) {
        return run != null && (latest == null || run.lastAt.isAfter(latest.snapshot().receivedAt));
    }

    /** Column size: the first problems of a long 400 message are the useful part. */
    private static final int MAX_ERROR_LENGTH = 2000;

    @Inject
    Snapshots snapshots;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    public void count(ConfiguredSystem system) {
        Counter.builder("hpcstatus.posts.rejected").description("Snapshot posts answered with a 4xx, per system")
                .tag("system", system.name()).register(metrics).increment();
    }

    /**
     * Records a rejection. A run starts over when a post was accepted after the previous rejection, so "since" is
     * the first rejection the collector has not recovered from.
     */
    @Transactional
    public void record(ConfiguredSystem system, String credential, String error) {
        Instant now = Timestamps.truncate(clock.instant());
        Instant lastAccepted = snapshots.latest(system).map(LatestSnapshot::snapshot).map(s -> s.receivedAt).orElse(null);
        PostRejection run = DatabaseErrors.asAnswered(PostRejection.findById(system.id()));
        boolean fresh = run == null;
        if (fresh) {
            run = new PostRejection();
            run.systemId = system.id();
        }
        if (fresh || lastAccepted != null && run.lastAt.isBefore(lastAccepted)) {
            run.firstAt = now;
            run.rejections = 0;
        }
        run.lastAt = now;
        run.rejections++;
        run.credential = credential;
        run.lastError = error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH - 3) + "..." : error;
        if (fresh) {
            run.persist();
        }
        Log.debugf("Recorded rejection %d of %s since %s", run.rejections, system.name(), run.firstAt);
    }
}
