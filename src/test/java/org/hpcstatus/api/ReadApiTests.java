package org.hpcstatus.api;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hpcstatus.support.Requests.asCollector;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/** The read API on the JupyterHub system, which only this class posts "current" snapshots for. */
@QuarkusTest
class ReadApiTests {


    @Inject
    TestClock clock;


    @AfterEach
    void realTime() {
        clock.reset();
    }

    private Instant nextCurrent() {
        return Seeds.nextCurrent(clock);
    }

    private static void postHub(Instant at, int users) {
        ObjectNode payload = TestData.payload("jupyterhub-guide");
        payload.put("timestamp", at.toString()).put("active_users", users);
        asCollector().body(payload.toString()).post("/api/v1/status/jupyterhub").then().statusCode(201);
    }

    @Test
    void latestIsTheNewestByTimestampNotByArrival() {
        Instant now = nextCurrent();
        postHub(now, 70);
        postHub(now.minus(10, ChronoUnit.MINUTES), 10); // a late retry of an older snapshot
        clock.freezeAt(now.plusSeconds(90));
        get("/api/v1/status/jupyterhub/latest").then().statusCode(200)
                .body("system", equalTo("jupyterhub"))
                .body("timestamp", equalTo(now.toString()))
                .body("active_users", equalTo(70))
                .body("available", equalTo(true))
                .body("active_sessions", equalTo(72))
                .body("memory_utilization_percent", equalTo(52.8f))
                .body("stale", equalTo(false))
                .body("age_seconds", equalTo(90));
    }

    @Test
    void latestTurnsStaleAfterTheSystemsThreshold() {
        Instant at = nextCurrent();
        postHub(at, 33);
        clock.freezeAt(at.plus(Duration.ofMinutes(10)));
        get("/api/v1/status/jupyterhub/latest").then().statusCode(200)
                .body("stale", equalTo(false))
                .body("age_seconds", equalTo(600));
        clock.freezeAt(at.plus(Duration.ofMinutes(11)));
        get("/api/v1/status/jupyterhub/latest").then().statusCode(200)
                .body("active_users", equalTo(33))
                .body("stale", equalTo(true))
                .body("stale_after_seconds", equalTo(600))
                .body("age_seconds", equalTo(660));
    }

    @Test
    void systemWithoutDataIs404() {
        get("/api/v1/status/quiet/latest").then().statusCode(404).body("error", equalTo("No data yet for quiet"));
    }

    @Test
    void unknownSystemIs404() {
        get("/api/v1/status/frontier/latest").then().statusCode(404).body("error", equalTo("Unknown system 'frontier'"));
    }

    @Test
    void unknownPathIsAJson404() {
        get("/api/v1/nothing-here").then().statusCode(404).body("error", equalTo("Not Found"));
    }
}
