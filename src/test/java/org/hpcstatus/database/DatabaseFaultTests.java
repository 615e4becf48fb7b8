package org.hpcstatus.database;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hpcstatus.support.Requests.as;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.hpcstatus.support.OwnMariaDb;
import org.hpcstatus.support.OwnMariaDbResource;
import org.hpcstatus.support.TestData;

/**
 * The database dies and comes back under the service, for real: a MariaDB server of the test's own, started after
 * the service, killed -9 under load and restarted. Only in the MariaDB run of the suite (the embedded H2 cannot be
 * killed apart from the service).
 */
@QuarkusTest
@WithTestResource(OwnMariaDbResource.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*mariadb.*")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseFaultTests {

    /** Looked up when used: the resource creates the server only once the application is being started. */
    private static OwnMariaDb db() {
        return OwnMariaDbResource.server();
    }

    @Inject
    TestData data;

    @Test
    @Order(1)
    void startsWithoutItsDatabaseAndBecomesReadyWhenItAppears() {
        assertTrue(!db().isRunning());
        RestAssured.get("/q/health/live").then().statusCode(200);
        RestAssured.get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'database' }.data", equalTo(Map.of("database", "unreachable")))
                .body(not(containsString("127.0.0.1")), not(containsString(Integer.toString(db().port()))));
        asCollector().body(TestData.freshPayload("derecho-guide").toString()).post("/api/v1/status/derecho").then()
                .statusCode(503).header("Retry-After", Matchers.notNullValue()).body("error", equalTo("Database unavailable; retry later"));
        RestAssured.get("/api/v1/status/derecho/latest").then().statusCode(503);
        RestAssured.get("/").then().statusCode(503).contentType(containsString("text/html"));

        db().start();
        long appeared = System.nanoTime();
        awaitReady(Duration.ofSeconds(20));
        long readyAfterMillis = (System.nanoTime() - appeared) / 1_000_000;
        assertTrue(readyAfterMillis < 5_000, "ready " + readyAfterMillis + " ms after the database appeared");
        asCollector().body(TestData.freshPayload("derecho-guide").toString()).post("/api/v1/status/derecho").then()
                .statusCode(201);
        RestAssured.get("/api/v1/status/derecho/latest").then().statusCode(200);
    }

    /**
     * Posts and reads while the database is killed and restarted: every answer is a 201 (stored) or a 503 (retry),
     * never a 500, and `latest` never says "no data" for a system that has data.
     */
    @Test
    @Order(2)
    void aDatabaseKilledUnderLoadGivesOnly503sAndEveryAcknowledgedPostIsStored() throws Exception {
        awaitReady(Duration.ofSeconds(20));
        Map<String, Integer> codes = new ConcurrentHashMap<>();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService clients = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            work.add(clients.submit(() -> {
                while (running.get()) {
                    Response response = asCollector().body(TestData.freshPayload("derecho-guide").toString())
                            .post("/api/v1/status/derecho");
                    codes.merge("post " + response.statusCode(), 1, Integer::sum);
                    remember(unexpected, response);
                    if (response.statusCode() == 201) {
                        acknowledged.add(response.jsonPath().getLong("status_id"));
                    }
                }
            }));
        }
        for (int i = 0; i < 2; i++) {
            work.add(clients.submit(() -> {
                while (running.get()) {
                    Response response = RestAssured.get("/api/v1/status/derecho/latest");
                    codes.merge("latest " + response.statusCode(), 1, Integer::sum);
                    remember(unexpected, response);
                }
            }));
        }
        Thread.sleep(2_000);
        db().kill();
        Thread.sleep(4_000);
        db().start();
        long back = System.nanoTime();
        long firstStoredAfterMillis = -1;
        int storedBefore = acknowledged.size();
        while (System.nanoTime() - back < Duration.ofSeconds(20).toNanos()) {
            if (acknowledged.size() > storedBefore) {
                firstStoredAfterMillis = (System.nanoTime() - back) / 1_000_000;
                break;
            }
            Thread.sleep(20);
        }
        Thread.sleep(2_000);
        running.set(false);
        for (Future<?> client : work) {
            client.get(60, TimeUnit.SECONDS);
        }
        clients.shutdown();

        Map<String, Integer> seen = new TreeMap<>(codes);
        assertEquals(Map.of(), filter(seen, "post 201", "post 503", "latest 200", "latest 503"),
                "only stored or retry-later answers; all answers: " + seen + "; the others said " + unexpected);
        assertTrue(seen.getOrDefault("post 503", 0) > 0, "the database was down for a while: " + seen);
        assertTrue(firstStoredAfterMillis >= 0 && firstStoredAfterMillis < 5_000,
                "a post was stored " + firstStoredAfterMillis + " ms after the database was back; " + seen);
        awaitReady(Duration.ofSeconds(10));
        // Every acknowledged post is there, with its children (the guide's Derecho example has two queues).
        String ids = acknowledged.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
        assertEquals(acknowledged.size(), data.count("SELECT COUNT(*) FROM status_snapshot WHERE snapshot_id IN (" + ids
                + ")"));
        assertEquals(2L * acknowledged.size(), data.count("SELECT COUNT(*) FROM queue_status WHERE snapshot_id IN ("
                + ids + ")"));
    }

    /** Nobody could check the password: a 503, and no failure counted against the name or the address. */
    @Test
    @Order(3)
    void loginsWhileTheDatabaseIsDownAre503sAndCountNoFailure() {
        awaitReady(Duration.ofSeconds(20));
        db().kill();
        try {
            for (int i = 0; i < 8; i++) {
                as(TestData.CASPER_COLLECTOR, "guess-" + i).body("{}").post("/api/v1/status/casper").then()
                        .statusCode(503);
            }
        } finally {
            db().start();
        }
        awaitReady(Duration.ofSeconds(20));
        // More than the 5 failures the test profile allows, yet the right password is not throttled.
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD)
                .body(TestData.freshPayload("jupyterhub-guide").toString()).post("/api/v1/status/jupyterhub").then()
                .statusCode(201);
    }

    /** The body of an answer that is neither success nor 503, to tell what went wrong (its error_id is in the log). */
    private static void remember(List<String> unexpected, Response response) {
        if (response.statusCode() != 200 && response.statusCode() != 201 && response.statusCode() != 503) {
            unexpected.add(response.statusCode() + " " + response.asString());
        }
    }

    private static Map<String, Integer> filter(Map<String, Integer> codes, String... allowed) {
        Map<String, Integer> others = new TreeMap<>(codes);
        for (String code : allowed) {
            others.remove(code);
        }
        return others;
    }

    private static void awaitReady(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (RestAssured.get("/q/health/ready").statusCode() == 200) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("not ready within " + limit);
    }
}
