package org.hpcstatus.outage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hpcstatus.support.Requests.asCollector;
import static org.hpcstatus.support.TestData.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hamcrest.Matchers;
import org.hpcstatus.support.TestData;

@QuarkusTest
class OutageTests {

    @Inject
    TestData data;


    private static ObjectNode outage(String title) {
        ObjectNode outage = payload("outage-guide");
        outage.put("title", title);
        outage.remove("end_time");
        return outage;
    }

    @Test
    void guideExampleIsRecordedAndListed() {
        ObjectNode guide = payload("outage-guide");
        guide.remove("end_time");
        int id = asCollector().body(guide.toString()).post("/api/v1/status/outage").then().statusCode(201)
                .body("success", equalTo(true)).body("outage_id", notNullValue()).extract().path("outage_id");
        RestAssured.given().queryParam("system_name", "derecho").get("/api/v1/status/outages").then().statusCode(200)
                .body("find { it.outage_id == " + id + " }.title", equalTo("Brief outage description"))
                .body("find { it.outage_id == " + id + " }.system_name", equalTo("derecho"))
                .body("find { it.outage_id == " + id + " }.start_time", equalTo("2025-11-25T08:15:00Z"))
                .body("find { it.outage_id == " + id + " }.estimated_resolution", equalTo("2025-11-25T18:00:00Z"));
    }

    @Test
    void unknownFieldsAreListedAsIgnored() {
        ObjectNode posted = outage("Typo check");
        posted.put("severty", "minor").put("eta", "soon");
        asCollector().body(posted.toString()).post("/api/v1/status/outage").then().statusCode(201)
                .body("ignored_fields", equalTo(List.of("severty", "eta")));
        asCollector().body(outage("No typo").toString()).post("/api/v1/status/outage").then().statusCode(201)
                .body("ignored_fields", equalTo(List.of()));
    }

    @Test
    void limitCapsTheListNewestFirstAndIsChecked() {
        for (int i = 0; i < 3; i++) {
            ObjectNode posted = outage("Limit check " + i);
            posted.put("system_name", "gust").put("start_time", "2026-01-0" + (i + 1) + "T00:00:00Z");
            asCollector().body(posted.toString()).post("/api/v1/status/outage").then().statusCode(201);
        }
        RestAssured.given().queryParam("system_name", "gust").queryParam("limit", 2).get("/api/v1/status/outages").then()
                .statusCode(200).body("title", equalTo(List.of("Limit check 2", "Limit check 1")));
        RestAssured.given().queryParam("limit", 0).get("/api/v1/status/outages").then().statusCode(400)
                .body("error", equalTo("limit must be from 1 to 1000, got 0"));
        RestAssured.given().queryParam("limit", 1001).get("/api/v1/status/outages").then().statusCode(400);
    }

    @Test
    void repostOfAnOpenOutageUpdatesItInsteadOfOpeningAnother() {
        ObjectNode first = outage("Scratch filesystem slow");
        int id = asCollector().body(first.toString()).post("/api/v1/status/outage").then().statusCode(201)
                .extract().path("outage_id");
        ObjectNode again = outage("Scratch filesystem slow");
        again.put("system_name", "DERECHO").put("status", "identified").put("severity", "critical");
        asCollector().body(again.toString()).post("/api/v1/status/outage").then().statusCode(200)
                .body("outage_id", equalTo(id)).body("updated", equalTo(true));
        RestAssured.get("/api/v1/status/outages").then().statusCode(200)
                .body("find { it.outage_id == " + id + " }.status", equalTo("identified"))
                .body("find { it.outage_id == " + id + " }.severity", equalTo("critical"));
        assertEquals(1, data.count("SELECT COUNT(*) FROM outage WHERE title = 'Scratch filesystem slow'"));
    }

    @Test
    void resolvingClosesTheOutageAndANewReportOpensAFreshOne() {
        ObjectNode open = outage("PBS server restart");
        int id = asCollector().body(open.toString()).post("/api/v1/status/outage").then().statusCode(201)
                .extract().path("outage_id");
        open.put("status", "resolved");
        asCollector().body(open.toString()).post("/api/v1/status/outage").then().statusCode(200)
                .body("outage_id", equalTo(id));
        RestAssured.get("/api/v1/status/outages").then().statusCode(200)
                .body("outage_id", not(hasItem(id)));
        RestAssured.given().queryParam("include_resolved", true).get("/api/v1/status/outages").then().statusCode(200)
                .body("find { it.outage_id == " + id + " }.status", equalTo("resolved"))
                .body("find { it.outage_id == " + id + " }.end_time", notNullValue());
        open.put("status", "investigating");
        int second = asCollector().body(open.toString()).post("/api/v1/status/outage").then().statusCode(201)
                .extract().path("outage_id");
        assertTrue(second != id);
    }

    @Test
    void systemNameAllIsOneOutageOfEverySystem() {
        ObjectNode posted = outage("Site-wide network outage").put("system_name", "ALL").put("severity", "major");
        posted.remove("component");
        int id = asCollector().body(posted.toString()).post("/api/v1/status/outage").then().statusCode(201)
                .body("message", equalTo("Outage recorded for all")).extract().path("outage_id");
        try {
            for (String system : List.of("derecho", "casper", "jupyterhub")) {
                RestAssured.given().queryParam("system_name", system).get("/api/v1/status/outages").then().statusCode(200)
                        .body("find { it.outage_id == " + id + " }.system_name", equalTo("all"));
            }
            RestAssured.get("/api/v1/status/summary").then().statusCode(200)
                    .body("systems.findAll { it.outages.find { o -> o.outage_id == " + id + " } }.size()",
                            equalTo(RestAssured.get("/api/v1/status/summary").path("systems.size()")))
                    .body("systems.find { it.system == 'quiet' }.outages.title", Matchers.hasItem(
                            "Site-wide network outage"));
            String html = RestAssured.get("/").then().statusCode(200).extract().asString();
            Assertions.assertTrue(html.contains("<strong>All systems</strong>"), html);
        } finally {
            asCollector().body(posted.put("status", "resolved").toString()).post("/api/v1/status/outage").then()
                    .statusCode(200).body("outage_id", equalTo(id));
        }
    }

    @Test
    void timesBeyondWhatADatabaseHoldsAreA400NamingTheField() {
        for (String far : List.of("+10000-01-01T00:00:00Z", "9999-12-31T23:59:59-12:00")) {
            ObjectNode posted = outage("Far future " + far).put("estimated_resolution", far);
            asCollector().body(posted.toString()).post("/api/v1/status/outage").then().statusCode(400)
                    .body("error", Matchers.startsWith("estimated_resolution must be from 2000-01-01T00:00:00Z"
                            + " to before 9999-01-01T00:00:00Z, got a string"));
        }
    }

    @Test
    void aLimitThatIsNoNumberIsA400() {
        RestAssured.given().queryParam("limit", "abc").get("/api/v1/status/outages").then().statusCode(400)
                .body("error", equalTo("limit must be a whole number from 1 to 1000, got 'abc'"));
    }

    @Test
    void unknownSystemNameIsA400() {
        ObjectNode outage = outage("Nope");
        outage.put("system_name", "Frontier");
        asCollector().body(outage.toString()).post("/api/v1/status/outage").then().statusCode(400)
                .body("error", Matchers.startsWith("system_name 'Frontier' is not a configured system"));
    }

    @Test
    void severityAndStatusOutsideTheGuidesListsAreRejected() {
        ObjectNode outage = outage("Bad values");
        outage.put("severity", "catastrophic").put("status", "panicking");
        asCollector().body(outage.toString()).post("/api/v1/status/outage").then().statusCode(400)
                .body("error", equalTo("severity must be one of critical, major, minor, maintenance, got a string "
                        + "\"catastrophic\"; status must be one of investigating, identified, monitoring, resolved, "
                        + "got a string \"panicking\""));
    }

    @Test
    void endBeforeStartIsRejected() {
        ObjectNode outage = outage("Backwards");
        outage.put("start_time", "2025-11-25T10:00:00Z").put("end_time", "2025-11-25T09:00:00Z");
        asCollector().body(outage.toString()).post("/api/v1/status/outage").then().statusCode(400)
                .body("error", equalTo("end_time 2025-11-25T09:00:00Z is before start_time 2025-11-25T10:00:00Z"));
    }

    @Test
    void unknownSystemFilterIsA400() {
        RestAssured.given().queryParam("system_name", "frontier").get("/api/v1/status/outages").then().statusCode(400)
                .body("error", equalTo("system_name 'frontier' is not a configured system"));
    }

    @Test
    void tenIdenticalPostsInParallelLeaveExactlyOneOutage() throws Exception {
        String body = outage("Parallel login failure").put("system_name", "casper").toString();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                statuses.add(pool.submit(() -> asCollector().body(body).post("/api/v1/status/outage").statusCode()));
            }
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                codes.add(status.get());
            }
            assertEquals(1, codes.stream().filter(code -> code == 201).count(), codes.toString());
            assertEquals(9, codes.stream().filter(code -> code == 200).count(), codes.toString());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, data.count("SELECT COUNT(*) FROM outage WHERE title = 'Parallel login failure'"));
    }
}
