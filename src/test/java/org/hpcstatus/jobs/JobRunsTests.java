package org.hpcstatus.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.TestClock;

/**
 * Two replicas' schedulers firing at once against one database (H2, then MariaDB in the second pass): each period's
 * work is done exactly once, and a replica that died mid-job has its period taken over once its lease ran out.
 */
@QuarkusTest
class JobRunsTests {

    @Inject
    JobRuns runs;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void twoReplicasDoEachPeriodsWorkOnce() throws Exception {
        int periods = 30;
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        AtomicIntegerArray done = new AtomicIntegerArray(periods);
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String replica : List.of("replica-a", "replica-b", "replica-a", "replica-b")) {
                Callable<Integer> scheduler = () -> {
                    int mine = 0;
                    for (int p = 0; p < periods; p++) {
                        int period = p;
                        if (runs.runOnce("test-job", first.plus(period, ChronoUnit.MINUTES), Duration.ofMinutes(5),
                                () -> done.incrementAndGet(period), replica)) {
                            mine++;
                        }
                    }
                    return mine;
                };
                results.add(replicas.submit(scheduler));
            }
            int total = 0;
            for (Future<Integer> result : results) {
                total += result.get();
            }
            assertEquals(periods, total, "every period run by one scheduler");
        } finally {
            replicas.shutdownNow();
        }
        for (int p = 0; p < periods; p++) {
            assertEquals(1, done.get(p), "period " + p);
        }
    }

    @Test
    void aReplicaThatDiedMidJobIsTakenOverAfterItsLease() {
        Instant period = Instant.parse("2026-02-01T00:00:00Z");
        assertThrows(IllegalStateException.class, () -> runs.runOnce("test-crash", period, Duration.ofMinutes(5), () -> {
            throw new IllegalStateException("killed mid-job");
        }, "replica-a"));
        int[] redone = {0};
        assertFalse(runs.runOnce("test-crash", period, Duration.ofMinutes(5), () -> redone[0]++, "replica-b"),
                "the lease still holds");
        clock.advance(Duration.ofMinutes(6));
        assertTrue(runs.runOnce("test-crash", period, Duration.ofMinutes(5), () -> redone[0]++, "replica-b"));
        assertFalse(runs.runOnce("test-crash", period, Duration.ofMinutes(5), () -> redone[0]++, "replica-a"),
                "done: nobody runs it again");
        assertEquals(1, redone[0]);
    }
}
