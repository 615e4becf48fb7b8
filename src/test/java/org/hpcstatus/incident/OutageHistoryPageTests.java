package org.hpcstatus.incident;

import static io.restassured.RestAssured.get;
import static org.hpcstatus.support.Requests.asAdmin;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.TestData;

/** /outages: resolved incidents stay visible, with their timelines, newest first, by system, a page at a time. */
@QuarkusTest
class OutageHistoryPageTests {

    @Test
    void aResolvedOutageKeepsItsTimelineOnTheHistoryPage() {
        ObjectNode outage = TestData.payload("outage-guide");
        outage.put("system_name", "casper").put("title", "History: scratch filesystem slow");
        outage.remove("end_time");
        int id = asCollector().body(outage.toString()).post("/api/v1/status/outage").then().statusCode(201)
                .extract().path("outage_id");
        asAdmin().body("{\"message\": \"Rebalanced the OSTs\", \"status\": \"resolved\"}")
                .post("/api/v1/status/outages/" + id + "/updates").then().statusCode(201);

        String casper = get("/outages?system=casper").then().statusCode(200).extract().asString();
        int at = casper.indexOf("id=\"outage-" + id + "\"");
        assertTrue(at > 0, casper);
        String incident = casper.substring(at, casper.indexOf("</li>\n  \n", at) > 0 ? casper.indexOf("</li>\n  \n", at) : casper.length());
        assertTrue(incident.contains("History: scratch filesystem slow"), incident);
        assertTrue(incident.contains("Tue 25 Nov 2025"), "a last-year start shows its year: " + incident);
        assertTrue(incident.contains("<span class=\"status\">resolved</span> Rebalanced the OSTs (status investigating"),
                incident);
        assertTrue(incident.contains("(" + TestData.ADMIN + ")"), incident);
        assertTrue(casper.contains("<option value=\"casper\" selected>"), "the filter shows its choice");

        String derecho = get("/outages?system=derecho").then().statusCode(200).extract().asString();
        assertTrue(!derecho.contains("id=\"outage-" + id + "\""), "another system's history leaves it out");
        get("/outages?page=abc").then().statusCode(400);
        get("/outages?system=atlantis").then().statusCode(404);
        String far = get("/outages?page=999").then().statusCode(200).extract().asString();
        assertTrue(far.contains("No incidents recorded") && far.contains("rel=\"prev\""), far);
    }
}
