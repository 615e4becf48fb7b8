package org.hpcstatus.api;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;

/** GET /api/v1/status/summary, on the test system summit, which only this class posts to. */
@QuarkusTest
class SummaryTests {

    private static final String SUMMIT = "systems.find { it.system == 'summit' }.";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aSystemWithoutDataIsNoDataWithoutAnAge() {
        get("/api/v1/status/summary").then().statusCode(200)
                .body("systems.find { it.system == 'quiet' }.state", equalTo("no_data"))
                .body("systems.find { it.system == 'quiet' }.age_seconds", nullValue())
                .body("systems.find { it.system == 'quiet' }.reasons", contains("No data received yet"));
    }

    @Test
    void aFullMachineIsOperationalAndTheSummaryAgreesWithThePage() {
        var at = Seeds.nextCurrent(clock);
        Seeds.post("summit", "deployed/derecho-full-machine", at);
        clock.freezeAt(at.plusSeconds(42));
        JsonPath summary = get("/api/v1/status/summary").then().statusCode(200)
                .body(SUMMIT + "display_name", equalTo("Summit"))
                .body(SUMMIT + "state", equalTo("operational"))
                .body(SUMMIT + "reasons", empty())
                .body(SUMMIT + "age_seconds", equalTo(42))
                .body(SUMMIT + "stale", equalTo(false))
                .body(SUMMIT + "timestamp", equalTo(at.toString()))
                .extract().jsonPath();
        assertTrue(summary.getList("systems.system").indexOf("summit") > summary.getList("systems.system").indexOf("derecho"),
                "systems are in dashboard order");
        String page = get("/status/summit").then().statusCode(200).extract().asString();
        assertTrue(page.contains("Operational"), page);
    }

    @Test
    void aFailedNodeQueryIsANoteNotAState() {
        Seeds.post("summit", "deployed/derecho-failed-node-query", Seeds.nextCurrent(clock));
        get("/api/v1/status/summary").then().statusCode(200)
                .body(SUMMIT + "state", equalTo("operational"))
                .body(SUMMIT + "notes", contains("Node data missing: the collector could not count the nodes"));
    }

    @Test
    void anActiveCriticalOutageIsDownWithTheOutageAndItsTitleAsTheReason() {
        Seeds.post("summit", "deployed/derecho-full-machine", Seeds.nextCurrent(clock));
        Seeds.outage("summit", "critical", "Summit power loss");
        try {
            get("/api/v1/status/summary").then().statusCode(200)
                    .body(SUMMIT + "state", equalTo("down"))
                    .body(SUMMIT + "reasons", contains("Critical outage: Summit power loss"))
                    .body(SUMMIT + "outages.title", contains("Summit power loss"))
                    .body(SUMMIT + "outages[0].severity", equalTo("critical"));
        } finally {
            Seeds.resolve("summit", "critical", "Summit power loss");
        }
        get("/api/v1/status/summary").then().body(SUMMIT + "state", equalTo("operational"));
    }
}
