package org.hpcstatus.outage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/**
 * Maintenance announced ahead: listed as upcoming, no part of the state until its start, the system in maintenance
 * during the window, and done at its end even when nobody resolves it. Only this class posts to "fjord".
 */
@QuarkusTest
class ScheduledMaintenanceTests {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void maintenanceAheadIsUpcomingThenMaintenanceThenOver() {
        Instant posted = Seeds.nextCurrent(clock);
        Seeds.cluster("fjord", posted, payload -> { });
        Instant start = posted.plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant end = start.plus(22, ChronoUnit.HOURS);
        ObjectNode maintenance = TestData.payload("outage-guide");
        maintenance.put("system_name", "fjord").put("title", "Lustre upgrade").put("severity", "maintenance")
                .put("status", "identified").put("start_time", start.toString()).put("end_time", end.toString());
        maintenance.remove("estimated_resolution");
        asCollector().body(maintenance.toString()).post("/api/v1/status/outage").then().statusCode(201);

        // Two days ahead: the system stays operational; the window is listed with a countdown.
        summary().body("state", equalTo("operational")).body("outages", hasSize(0))
                .body("upcoming", hasSize(1)).body("upcoming[0].title", equalTo("Lustre upgrade"));
        String page = RestAssured.get("/status/fjord").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<h2 id=\"upcoming-heading\">Upcoming</h2>"), page);
        assertTrue(page.contains("<strong class=\"outage-title\">Lustre upgrade</strong></span>\n      <span class=\"meta\"><span class=\"starts-in\">in 2 days</span>, "),
                page);
        assertTrue(!page.contains("Active outages"), "not yet an outage");
        String overview = RestAssured.get("/").then().statusCode(200).extract().asString();
        assertTrue(overview.contains("<a href=\"/status/fjord\">Fjord</a>:"), "listed on the overview too");

        // In the window: maintenance, not down; the collector keeps posting.
        clock.advance(Duration.between(clock.instant(), start.plus(1, ChronoUnit.HOURS)));
        Seeds.cluster("fjord", Seeds.nextCurrent(clock), payload -> { });
        summary().body("state", equalTo("maintenance")).body("outages", hasSize(1)).body("upcoming", hasSize(0));

        // Past its end time, unresolved: over.
        clock.advance(Duration.between(clock.instant(), end.plus(5, ChronoUnit.MINUTES)));
        Seeds.cluster("fjord", Seeds.nextCurrent(clock), payload -> { });
        summary().body("state", equalTo("operational")).body("outages", hasSize(0));
    }

    private static ValidatableResponse summary() {
        return RestAssured.get("/api/v1/status/summary").then().statusCode(200).root("systems.find { it.system == 'fjord' }");
    }
}
