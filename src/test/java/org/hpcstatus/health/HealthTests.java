package org.hpcstatus.health;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.Requests;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

@QuarkusTest
class HealthTests {

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void livenessAndReadinessAreUp() {
        get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("database"));
    }

    @Test
    void staleCollectorsAreReportedAsInformationAndNeverFailReadiness() {
        clock.advance(Duration.ofDays(30)); // every collector is now silent for a month
        get("/q/health/well").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks[0].name", equalTo("collector-freshness"))
                .body("checks[0].data.quiet", equalTo("no data"));
        get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasItem("collector-freshness")));
        get("/q/health/live").then().statusCode(200).body("checks.name", not(hasItem("collector-freshness")));
    }

    @Test
    void freshnessSaysStaleForASilentCollector() {
        Requests.asCollector()
                .body(TestData.freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
        clock.advance(Duration.ofDays(30));
        get("/q/health/well").then().statusCode(200)
                .body("checks[0].data.jupyterhub", startsWith("stale, last snapshot "));
    }
}
