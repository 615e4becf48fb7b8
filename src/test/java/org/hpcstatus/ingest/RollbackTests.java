package org.hpcstatus.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.LogCapture;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/**
 * A database failure half-way through the ingest transaction must leave no partial rows. The failure is made real:
 * a CHECK constraint that only the last child row written (the second filesystem) breaks.
 */
@QuarkusTest
class RollbackTests {

    private static final double POISON_CAPACITY = 666.0;

    @Inject
    TestData data;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @BeforeEach
    void poisonFilesystemRows() {
        data.runSql("ALTER TABLE filesystem_status ADD CONSTRAINT test_poison CHECK (capacity_tb <> " + POISON_CAPACITY
                + ");\n");
    }

    @AfterEach
    void cure() {
        clock.reset();
        data.runSql("ALTER TABLE filesystem_status DROP CONSTRAINT test_poison;\n");
    }

    @Test
    void failedChildInsertRollsBackTheWholeSnapshot() {
        String counts = "SELECT (SELECT COUNT(*) FROM status_snapshot) + (SELECT COUNT(*) FROM login_node_status)"
                + " + (SELECT COUNT(*) FROM queue_status) + (SELECT COUNT(*) FROM filesystem_status)";
        long rowsBefore = data.count(counts);
        String latestBefore = latestPointer();
        ObjectNode payload = TestData.freshPayload("derecho-guide");
        payload.put("timestamp", Seeds.nextCurrent(clock).toString());
        ((ObjectNode) payload.withArray("filesystems").get(1)).put("capacity_tb", POISON_CAPACITY);

        asCollector().body(payload.toString()).post("/api/v1/status/gust").then().statusCode(500)
                .body("error", equalTo("Internal error"))
                .body("error_id", matchesPattern("[0-9a-f-]{36}"));

        assertEquals(rowsBefore, data.count(counts), "no row of the failed snapshot may remain");
        assertEquals(latestBefore, latestPointer(), "the latest pointer must not move");
    }

    @Test
    void aFailureOtherThanALockConflictIsNotRetried() {
        ObjectNode payload = TestData.freshPayload("derecho-guide");
        ((ObjectNode) payload.withArray("filesystems").get(0)).put("capacity_tb", POISON_CAPACITY);
        try (LogCapture log = LogCapture.of(IngestService.class)) {
            asCollector().body(payload.toString()).post("/api/v1/status/gust").then().statusCode(500);
            assertEquals(List.of(), log.messagesContaining("retrying"));
        }
    }

    /**
     * A real lock conflict: a test transaction holds gust's latest pointer row, so the post's pointer update waits
     * until the database's lock timeout gives up on it; the retry then passes once the row is free again.
     */
    @Test
    void aLockConflictIsRetriedAndThePostSucceeds() throws Exception {
        ObjectNode payload = TestData.payload("derecho-guide");
        payload.put("timestamp", Seeds.nextCurrent(clock).toString());
        try (LogCapture log = LogCapture.of(IngestService.class);
                Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.executeUpdate("UPDATE latest_snapshot SET observed_at = observed_at WHERE system_id ="
                        + " (SELECT system_id FROM hpc_system WHERE name = 'gust')");
            }
            CompletableFuture<Integer> post = CompletableFuture.supplyAsync(
                    () -> asCollector().body(payload.toString()).post("/api/v1/status/gust").statusCode());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (log.messagesContaining("lock conflict").isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            holder.rollback();
            assertEquals(201, post.get(30, TimeUnit.SECONDS));
            assertEquals(1, log.messagesContaining("lock conflict").size(), "one retry after the lock timeout");
        }
    }

    private String latestPointer() {
        return String.valueOf(data.count("SELECT COALESCE(MAX(snapshot_id), -1) FROM latest_snapshot l"
                + " JOIN hpc_system s ON s.system_id = l.system_id WHERE s.name = 'gust'"));
    }
}
