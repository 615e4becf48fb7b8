package org.hpcstatus.ingest;

import static io.restassured.RestAssured.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hpcstatus.support.Requests.as;
import static org.hpcstatus.support.Requests.asAdmin;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.snapshot.UserLoadSpan;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;
import org.hpcstatus.system.SystemCatalog;

/**
 * What a post says about the present (queue roster, reservations, per-user load), on the test system "present",
 * which only this class posts to.
 */
@QuarkusTest
class PresentRowsTests {

    private static final String FULL = "deployed/derecho-full-machine";

    @Inject
    TestClock clock;

    @Inject
    SystemCatalog systems;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static ObjectNode payload(String name, Instant at) {
        ObjectNode payload = TestData.payloadFor("present", name);
        payload.put("timestamp", at.toString());
        return payload;
    }

    private static void post(ObjectNode payload) {
        asCollector().body(payload.toString()).post("/api/v1/status/present").then().statusCode(201);
    }

    private long spans() {
        long system = systems.require("present").id();
        return QuarkusTransaction.requiringNew().call(() -> UserLoadSpan.count("systemId = ?1", system));
    }

    @Test
    void unchangedUserRowsExtendTheirSpansInsteadOfAddingRows() {
        // Longer after any earlier post of this system than the span gap, so that every span starts here.
        Instant first = Seeds.nextCurrentAfter(clock, Duration.ofMinutes(20));
        clock.freezeAt(first);
        long before = spans();
        post(payload(FULL, first));
        assertEquals(before + 600, spans(), "one span per user, project and queue");
        clock.freezeAt(first.plus(Duration.ofMinutes(5)));
        post(payload(FULL, first.plus(Duration.ofMinutes(5))));
        assertEquals(before + 600, spans(), "an unchanged post adds no row");

        ObjectNode changed = payload(FULL, first.plus(Duration.ofMinutes(10)));
        ObjectNode row = (ObjectNode) changed.withArray("user_project_queues").get(0);
        row.put("running_jobs", 99);
        String changedRow = "user_project_queues.find { it.username == '" + row.get("username").asText()
                + "' && it.project_code == '" + row.get("project_code").asText() + "' && it.queue_name == '"
                + row.get("queue_name").asText() + "' }.";
        clock.freezeAt(first.plus(Duration.ofMinutes(10)));
        post(changed);
        assertEquals(before + 601, spans(), "a changed row opens one new span");
        asAdmin().get("/api/v1/status/present/latest").then().statusCode(200)
                .body("user_project_queues", hasSize(600))
                .body(changedRow + "running_jobs", equalTo(99))
                .body(changedRow + "first_seen", equalTo(first.plus(Duration.ofMinutes(10)).toString()))
                .body("user_project_queues[1].first_seen", equalTo(first.toString()));

        // The collector was silent for longer than the gap: every span starts anew.
        Instant late = first.plus(Duration.ofMinutes(40));
        clock.freezeAt(late);
        post(payload(FULL, late));
        assertEquals(before + 1201, spans());
    }

    @Test
    void perUserLoadIsShownOnlyToALoginWithThePermissionAndNotEvenItsKeyToOthers() {
        Instant at = Seeds.nextCurrent(clock);
        post(payload(FULL, at));
        String someone = TestData.payload(FULL).get("user_project_queues").get(0).get("username").asText();
        String anonymous = get("/api/v1/status/present/latest").then().statusCode(200)
                .body("$", not(hasKey("user_project_queues"))).extract().asString();
        assertTrue(!anonymous.contains(someone), anonymous);
        // A credential with the collector role posts, but may not read personal data. (The guide's SQL gives its
        // collector the admin role, which may.)
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD).get("/api/v1/status/present/latest").then()
                .statusCode(200).body("$", not(hasKey("user_project_queues")));
        asAdmin().get("/api/v1/status/present/latest").then().statusCode(200).body("user_project_queues", hasSize(600));

        String page = get("/status/present").then().statusCode(200).extract().asString();
        assertTrue(!page.contains("Top users and projects") && !page.contains(someone), "anonymous page: no user names");
        String adminPage = asAdmin().get("/status/present").then().statusCode(200).extract().asString();
        assertTrue(adminPage.contains("Top users and projects per queue"), adminPage);
    }

    @Test
    void theQueueRosterIsReadBackAndADisabledQueueIsShownWithoutDegradingTheSystem() {
        post(payload(FULL, Seeds.nextCurrent(clock)));
        get("/api/v1/status/present/latest").then().statusCode(200)
                .body("queue_definitions.find { it.queue_name == 'system' }.enabled", equalTo(false))
                .body("queue_definitions.find { it.queue_name == 'cpu' }.queue_type", equalTo("Execution"));
        String page = get("/status/present").then().statusCode(200).extract().asString().replaceAll("\\s+", " ");
        assertTrue(page.contains("<th scope=\"row\">system</th><td data-label=\"Type\">Execution</td><td class=\"queue-off\" data-label=\"Status\">disabled</td>"),
                page);
        assertTrue(page.contains("Operational"), page);
    }

    @Test
    void reservationsAreListedShownAndForgottenWhenNoLongerReported() {
        Instant at = Seeds.nextCurrent(clock);
        clock.freezeAt(at);
        post(payload(FULL, at));
        given().queryParam("system_name", "present").get("/api/v1/status/reservations").then().statusCode(200)
                .body("reservation_name", contains("cesm-le-hackathon", "MONTHLY_MAINTENANCE"))
                .body("[0].node_count", equalTo(24)).body("[0].system_name", equalTo("present"))
                .body("[0].start_time", equalTo("2030-12-03T08:00:00Z"));
        given().queryParam("system_name", "present").queryParam("upcoming_only", true)
                .get("/api/v1/status/reservations").then().body("reservation_name", hasSize(2));
        get("/api/v1/status/present/latest").then().body("reservations.reservation_name",
                contains("cesm-le-hackathon", "MONTHLY_MAINTENANCE"));
        String overview = get("/").then().statusCode(200).extract().asString().replaceAll("\\s+", " ");
        assertTrue(overview.contains("Upcoming reservation: 24 nodes for <strong>cesm-le-hackathon</strong> from"), overview);

        // Thirty minutes without being re-reported: ended or cancelled.
        clock.freezeAt(at.plus(Duration.ofMinutes(31)));
        given().queryParam("system_name", "present").get("/api/v1/status/reservations").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void aBadReservationIsA400NamingItAndNothingIsStored() {
        ObjectNode bad = payload(FULL, Seeds.nextCurrent(clock));
        ((ObjectNode) bad.withArray("reservations").get(1)).put("end_time", "2030-12-07T00:00:00");
        ((ObjectNode) bad.withArray("reservations").get(0)).put("system_name", "casper");
        asCollector().body(bad.toString()).post("/api/v1/status/present").then().statusCode(400)
                .body("error", containsString("reservations[0].system_name 'casper' is not the system posted to (present)"))
                .body("error", containsString("reservations[1].end_time 2030-12-07T00:00:00Z is before its start_time"));
    }

    /**
     * PBS does not make Reserve_Name unique: a monthly window has the same name every month. Two such reservations
     * are two rows where the collector sends their ids; a name twice without ids keeps the first, and a duplicate
     * in any list about the present never costs the post its nodes, jobs, queues and filesystems.
     */
    @Test
    void reservationsAreKeptByTheirIdsAndADuplicateInAnAuxiliaryListCostsThePostNothing() {
        // past the forget-after time, so the other tests' reservations of this system are no longer current
        Instant at = Seeds.nextCurrentAfter(clock, Duration.ofMinutes(31));
        clock.freezeAt(at);
        ObjectNode monthly = payload(FULL, at);
        ArrayNode reservations = monthly.withArray("reservations");
        ObjectNode december = (ObjectNode) reservations.get(1);
        december.put("reservation_id", "M5121301.desched1");
        ObjectNode january = december.deepCopy().put("reservation_id", "M5121302.desched1")
                .put("start_time", "2031-01-05T06:00:00").put("end_time", "2031-01-05T18:00:00");
        reservations.add(january);
        post(monthly);
        given().queryParam("system_name", "present").get("/api/v1/status/reservations").then().statusCode(200)
                .body("reservation_name", contains("cesm-le-hackathon", "MONTHLY_MAINTENANCE", "MONTHLY_MAINTENANCE"))
                .body("reservation_id", contains(null, "M5121301.desched1", "M5121302.desched1"))
                .body("[2].start_time", equalTo("2031-01-05T06:00:00Z"));

        ObjectNode twice = payload(FULL, Seeds.nextCurrent(clock));
        twice.withArray("reservations").add(((ObjectNode) twice.get("reservations").get(1).deepCopy()).put("node_count", 1));
        twice.withArray("user_project_queues").add(twice.get("user_project_queues").get(0).deepCopy());
        twice.withArray("queue_definitions").add(twice.get("queue_definitions").get(0).deepCopy());
        asCollector().body(twice.toString()).post("/api/v1/status/present").then().statusCode(201)
                .body("warnings", contains(
                        "queue_definitions[" + (twice.get("queue_definitions").size() - 1) + "].queue_name '"
                                + twice.get("queue_definitions").get(0).get("queue_name").asText()
                                + "' appears more than once: the first is kept",
                        "reservations[2].reservation_name 'MONTHLY_MAINTENANCE' appears more than once: the first is kept",
                        "user_project_queues[600].username/project_code/queue_name '"
                                + twice.get("user_project_queues").get(0).get("username").asText() + "/"
                                + twice.get("user_project_queues").get(0).get("project_code").asText() + "/"
                                + twice.get("user_project_queues").get(0).get("queue_name").asText()
                                + "' appears more than once: the first is kept"))
                .body("queue_ids", hasSize(twice.get("queues").size()));
        get("/api/v1/status/present/latest").then().body("running_jobs", equalTo(twice.get("running_jobs").asInt()))
                .body("reservations.find { it.reservation_name == 'MONTHLY_MAINTENANCE' && it.reservation_id == null }"
                        + ".node_count", equalTo(2488));
    }
}
