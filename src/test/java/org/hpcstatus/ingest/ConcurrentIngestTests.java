package org.hpcstatus.ingest;

import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.TestData;

@QuarkusTest
class ConcurrentIngestTests {

    private static final int PARALLEL = 50;

    @Inject
    TestData data;


    @Test
    void fiftyDistinctSnapshotsInParallelAreAllStoredOnce() throws Exception {
        long before = data.count("SELECT COUNT(*) FROM status_snapshot");
        long loginRowsBefore = data.count("SELECT COUNT(*) FROM login_node_status");
        List<Integer> codes = postInParallel(i -> {
            ObjectNode payload = TestData.freshPayload("derecho-guide");
            // new login node names too, so the lookup rows race to be created
            ((ObjectNode) payload.withArray("login_nodes").get(0)).put("node_name", "racer" + (i % 5));
            return payload.toString();
        });
        assertEquals(PARALLEL, codes.stream().filter(code -> code == 201).count(), codes.toString());
        assertEquals(before + PARALLEL, data.count("SELECT COUNT(*) FROM status_snapshot"));
        assertEquals(loginRowsBefore + 3L * PARALLEL, data.count("SELECT COUNT(*) FROM login_node_status"));
        assertEquals(5, data.count("SELECT COUNT(*) FROM login_node WHERE name LIKE 'racer%'"));
    }

    @Test
    void fiftyIdenticalRetriesInParallelStoreOneSnapshot() throws Exception {
        String body = TestData.freshPayload("derecho-guide").toString();
        long before = data.count("SELECT COUNT(*) FROM status_snapshot");
        List<Integer> codes = postInParallel(i -> body);
        assertEquals(1, codes.stream().filter(code -> code == 201).count(), codes.toString());
        assertEquals(PARALLEL - 1, codes.stream().filter(code -> code == 200).count(), codes.toString());
        assertEquals(before + 1, data.count("SELECT COUNT(*) FROM status_snapshot"));
    }

    private List<Integer> postInParallel(IntFunction<String> bodies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                String body = bodies.apply(i);
                Callable<Integer> post = () -> asCollector().body(body).post("/api/v1/status/derecho").statusCode();
                results.add(pool.submit(post));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> result : results) {
                codes.add(result.get());
            }
            return codes;
        } finally {
            pool.shutdown();
        }
    }
}
