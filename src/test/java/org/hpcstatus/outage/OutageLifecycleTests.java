package org.hpcstatus.outage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hpcstatus.support.Requests.as;
import static org.hpcstatus.support.Requests.asAdmin;
import static org.hpcstatus.support.Requests.asCollector;
import static org.hpcstatus.support.TestData.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hamcrest.Matchers;
import org.hpcstatus.support.TestData;

/** An outage's life: opened by a collector, changed by operators with a version, every change on its timeline. */
@QuarkusTest
class OutageLifecycleTests {

    private static int open(String title) {
        ObjectNode outage = payload("outage-guide");
        outage.put("title", title);
        outage.remove("end_time");
        outage.put("status", "investigating");
        return asCollector().body(outage.toString()).post("/api/v1/status/outage").then().statusCode(201)
                .extract().path("outage_id");
    }

    private static int version(int id) {
        return RestAssured.get("/api/v1/status/outages/" + id).then().statusCode(200).extract().path("version");
    }

    @Test
    void aCollectorsPostsOpenTheTimelineAndOnlyChangesAddToIt() {
        int id = open("Lifecycle: scheduler slow");
        ObjectNode again = payload("outage-guide");
        again.put("title", "Lifecycle: scheduler slow");
        again.remove("end_time");
        again.put("status", "investigating");
        asCollector().body(again.toString()).post("/api/v1/status/outage").then().statusCode(200);
        again.put("status", "identified");
        asCollector().body(again.toString()).post("/api/v1/status/outage").then().statusCode(200);
        RestAssured.get("/api/v1/status/outages/" + id).then().statusCode(200)
                .body("created_by", equalTo(TestData.COLLECTOR))
                .body("updates", hasSize(2))
                .body("updates[0].message", startsWith("Opened: "))
                .body("updates[0].created_by", equalTo(TestData.COLLECTOR))
                .body("updates[1].message", equalTo("Changed status investigating → identified"))
                .body("updates[1].status", equalTo("identified"));
    }

    @Test
    void aPatchChangesWhatItSendsAndSaysSoOnTheTimeline() {
        int id = open("Lifecycle: Lustre slow");
        int version = version(id);
        asAdmin().body("{\"version\": " + version + ", \"severity\": \"critical\", \"estimated_resolution\":"
                + " \"2030-01-01T18:00:00Z\", \"message\": \"Vendor engaged\"}")
                .patch("/api/v1/status/outages/" + id).then().statusCode(200)
                .body("severity", equalTo("critical"))
                .body("estimated_resolution", equalTo("2030-01-01T18:00:00Z"))
                .body("updated_by", equalTo(TestData.ADMIN))
                .body("version", equalTo(version + 1))
                .body("updates[-1].message", equalTo("Vendor engaged (changed severity major → critical;"
                        + " estimated_resolution 2025-11-25T18:00:00Z → 2030-01-01T18:00:00Z)"))
                .body("updates[-1].created_by", equalTo(TestData.ADMIN));
        asAdmin().body("{\"version\": " + (version + 1) + ", \"estimated_resolution\": null}")
                .patch("/api/v1/status/outages/" + id).then().statusCode(200)
                .body("estimated_resolution", nullValue())
                .body("updates[-1].message", equalTo("Changed estimated_resolution cleared"));
    }

    /** Two operators read version n; the first to save wins, the second is told, not silently overwritten. */
    @Test
    void aPatchOnAStaleVersionIsA409() {
        int id = open("Lifecycle: two operators");
        int version = version(id);
        asAdmin().body("{\"version\": " + version + ", \"status\": \"identified\"}")
                .patch("/api/v1/status/outages/" + id).then().statusCode(200);
        asAdmin().body("{\"version\": " + version + ", \"status\": \"monitoring\"}")
                .patch("/api/v1/status/outages/" + id).then().statusCode(409)
                .body("error", startsWith("version " + version + " is not the outage's current version "
                        + (version + 1)));
        RestAssured.get("/api/v1/status/outages/" + id).then().body("status", equalTo("identified"));
    }

    @Test
    void invalidPatchesAre400sNamingTheFieldAndChangeNothing() {
        int id = open("Lifecycle: bad patches");
        int version = version(id);
        String path = "/api/v1/status/outages/" + id;
        asAdmin().body("{\"version\": \"latest\", \"severity\": \"critical\"}").patch(path).then().statusCode(400)
                .body("error", startsWith("version must be the whole number the outage was read with"));
        asAdmin().body("{\"version\": " + version + ", \"severity\": \"apocalyptic\"}").patch(path).then()
                .statusCode(400).body("error", startsWith("severity must be one of"));
        asAdmin().body("{\"version\": " + version + ", \"sevrity\": \"critical\"}").patch(path).then()
                .statusCode(400).body("error", startsWith("Unknown fields: sevrity"));
        asAdmin().body("{\"version\": " + version + ", \"title\": null}").patch(path).then().statusCode(400)
                .body("error", equalTo("title cannot be null"));
        asAdmin().body("{\"version\": " + version + ", \"end_time\": \"2000-01-01T00:00:00Z\"}").patch(path).then()
                .statusCode(400).body("error", startsWith("end_time 2000-01-01T00:00:00Z is before start_time"));
        asAdmin().body("{\"version\": " + version + "}").patch(path).then().statusCode(400)
                .body("error", startsWith("Nothing to change"));
        RestAssured.get(path).then().body("version", equalTo(version)).body("severity", equalTo("major"));
        asAdmin().body("{\"version\": 0, \"status\": \"identified\"}").patch("/api/v1/status/outages/999999")
                .then().statusCode(404);
    }

    /** A script that resolves an outage need not read it first: without a version, the last writer wins. */
    @Test
    void aPatchWithoutAVersionAppliesToWhateverIsCurrent() {
        int id = open("Lifecycle: scripted resolve");
        int version = version(id);
        asAdmin().body("{\"status\": \"resolved\", \"message\": \"Fixed by the nightly script\"}")
                .patch("/api/v1/status/outages/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"" + id + "." + (version + 1) + "\""))
                .body("status", equalTo("resolved")).body("end_time", Matchers.notNullValue())
                .body("version", equalTo(version + 1))
                .body("updates[-1].message", startsWith("Fixed by the nightly script (changed status"));
    }

    /** If-Match is the HTTP way of naming the version: the GET's ETag, a 412 when someone changed it since. */
    @Test
    void ifMatchCarriesTheVersionAndAStaleOneIsA412() {
        int id = open("Lifecycle: if-match");
        String path = "/api/v1/status/outages/" + id;
        String etag = RestAssured.get(path).then().statusCode(200).extract().header("ETag");
        assertEquals("\"" + id + "." + version(id) + "\"", etag);
        String next = asAdmin().header("If-Match", etag).body("{\"status\": \"identified\"}").patch(path).then()
                .statusCode(200).body("status", equalTo("identified")).extract().header("ETag");
        asAdmin().header("If-Match", etag).body("{\"status\": \"monitoring\"}").patch(path).then().statusCode(412)
                .body("error", startsWith("If-Match " + etag + " is not the outage's current ETag " + next));
        // a weak tag never matches (If-Match compares strongly); "*" matches whatever is current
        asAdmin().header("If-Match", "W/" + next).body("{\"status\": \"monitoring\"}").patch(path).then()
                .statusCode(412);
        asAdmin().header("If-Match", "*").body("{\"status\": \"monitoring\"}").patch(path).then().statusCode(200)
                .body("status", equalTo("monitoring"));
        asAdmin().header("If-Match", etag).body("{\"message\": \"stale\"}").post(path + "/updates").then()
                .statusCode(412);
        RestAssured.get(path).then().body("status", equalTo("monitoring")).body("updates", hasSize(3));
    }

    /** An unknown outage is a 404, whatever else is wrong with the request. */
    @Test
    void anUnknownOutageIsA404BeforeTheBodyIsJudged() {
        asAdmin().body("{\"sevrity\": \"critical\"}").patch("/api/v1/status/outages/999998").then().statusCode(404);
        asAdmin().body("{}").post("/api/v1/status/outages/999998/updates").then().statusCode(404);
    }

    /** A collector's credential (MANAGE_SYSTEM_STATUS only) may open outages, not edit them. */
    @Test
    void editingNeedsEditSystemStatus() {
        int id = open("Lifecycle: permissions");
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD).body("{\"version\": 0, \"status\": \"identified\"}")
                .patch("/api/v1/status/outages/" + id).then().statusCode(403)
                .body("error", equalTo("EDIT_SYSTEM_STATUS permission required"));
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD).body("{\"message\": \"hi\"}")
                .post("/api/v1/status/outages/" + id + "/updates").then().statusCode(403);
        RestAssured.given().contentType("application/json").body("{\"message\": \"hi\"}")
                .post("/api/v1/status/outages/" + id + "/updates").then().statusCode(401);
    }

    @Test
    void anUpdateThatResolvesEndsTheOutageAndFreesItsNameForANewOne() {
        int id = open("Lifecycle: login node down");
        asAdmin().body("{\"message\": \"Node rebooted, logins work again\", \"status\": \"resolved\"}")
                .post("/api/v1/status/outages/" + id + "/updates").then().statusCode(201)
                .body("status", equalTo("resolved"))
                .body("end_time", notNullValue())
                .body("updates[-1].message", equalTo("Node rebooted, logins work again (status investigating → resolved)"))
                .body("updates[-1].status", equalTo("resolved"));
        asAdmin().body("{}").post("/api/v1/status/outages/" + id + "/updates").then().statusCode(400)
                .body("error", equalTo("Missing required fields: message"));
        int next = open("Lifecycle: login node down");
        Assertions.assertNotEquals(id, next);
    }
}
