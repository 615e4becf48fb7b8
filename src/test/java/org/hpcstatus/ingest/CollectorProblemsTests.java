package org.hpcstatus.ingest;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.LogCapture;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/** A misconfigured collector is told about where people look: the 201, the log, the metrics, the system's page. */
@QuarkusTest
class CollectorProblemsTests {

    private static final String BOULDER = "systems.find { it.system == 'boulder' }.";

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aCollectorClockInDenverTimeIsAcceptedWithAWarningShownOnThePage() {
        var now = Seeds.nextCurrent(clock);
        // What Python's datetime.now().isoformat() gives on a collector whose clock runs in Denver (UTC-7 in winter).
        String denver = LocalDateTime.ofInstant(now, ZoneId.of("America/Denver")).truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode payload = TestData.payloadFor("boulder", "deployed/derecho-full-machine");
        payload.put("timestamp", denver);
        String expected = "timestamp " + denver + " (no offset, read as UTC) is 7 h behind the server clock: send an"
                + " offset, or set hpcstatus.ingest.naive-timestamp-zone";
        try (LogCapture log = LogCapture.of(CollectorProblems.class)) {
            asCollector().body(payload.toString()).post("/api/v1/status/boulder").then().statusCode(201)
                    .body("warnings", contains(expected)).body("ignored_fields", empty());
            payload.put("timestamp", LocalDateTime.parse(denver).plusMinutes(5).toString());
            asCollector().body(payload.toString()).post("/api/v1/status/boulder").then().statusCode(201)
                    .body("warnings", hasSize(1));
            assertEquals(1, log.messagesContaining("boulder collector (logged once an hour): timestamp").size(),
                    "said once per system and hour");
        }
        // Stored in the past, as sent; an on-time post then becomes the latest and carries no warning.
        Seeds.post("boulder", "deployed/derecho-full-machine", Seeds.nextCurrent(clock));
        asCollector().body(payload.put("timestamp", LocalDateTime.ofInstant(Seeds.nextCurrent(clock), ZoneOffset.UTC)
                .minusHours(7).toString()).toString()).post("/api/v1/status/boulder").then().statusCode(201);
        get("/api/v1/status/boulder/latest").then().body("warnings", empty());
    }

    @Test
    void theWarningOfTheNewestPostIsOnTheSystemPageAndInTheSummary() {
        // A collector that has always sent local time: its newest post is 7 hours behind and shows the warning.
        var late = LocalDateTime.ofInstant(Seeds.nextCurrent(clock), ZoneOffset.UTC).minusHours(7)
                .truncatedTo(ChronoUnit.SECONDS);
        ObjectNode payload = TestData.payloadFor("laramie", "deployed/derecho-full-machine");
        payload.put("timestamp", late.toString());
        asCollector().body(payload.toString()).post("/api/v1/status/laramie").then().statusCode(201);
        String page = get("/status/laramie").then().statusCode(200).extract().asString();
        assertTrue(page.contains("About the latest post: timestamp " + late + " (no offset, read as UTC) is 7 h behind"), page);
        get("/api/v1/status/summary").then().body("systems.find { it.system == 'laramie' }.warnings[0]",
                containsString("7 h behind the server clock"));
    }

    @Test
    void rejectedPostsAreLoggedOnceCountedAndShownUntilAPostIsAccepted() {
        Seeds.post("boulder", "deployed/derecho-full-machine", Seeds.nextCurrent(clock));
        ObjectNode bad = TestData.payloadFor("boulder", "deployed/derecho-full-machine");
        bad.put("timestamp", Seeds.nextCurrent(clock).toString());
        ((ObjectNode) bad.withArray("filesystems").get(0)).put("capacity_inodes", 1.5);
        double before = rejectedCount();
        try (LogCapture log = LogCapture.of(CollectorProblems.class)) {
            for (int i = 0; i < 2; i++) {
                asCollector().body(bad.toString()).post("/api/v1/status/boulder").then().statusCode(400)
                        .body("error", containsString("filesystems[0].capacity_inodes"));
            }
            assertEquals(1, log.messagesContaining("Rejected boulder post from credential").size(), "logged once");
        }
        assertEquals(before + 2, rejectedCount(), 0.0);
        String page = get("/status/boulder").then().statusCode(200).extract().asString().replaceAll("\\s+", " ");
        assertTrue(page.contains("The collector&#39;s posts are being rejected since") || page.contains(
                "The collector's posts are being rejected since"), page);
        assertTrue(page.contains("(2 posts):") && page.contains("filesystems[0].capacity_inodes must be"), page);
        assertTrue(!page.contains(TestData.COLLECTOR), "no user name on a public page");
        get("/api/v1/status/summary").then().body(BOULDER + "rejected_posts.rejections", equalTo(2))
                .body(BOULDER + "rejected_posts.last_error", containsString("filesystems[0].capacity_inodes"));

        Seeds.post("boulder", "deployed/derecho-full-machine", Seeds.nextCurrent(clock));
        assertTrue(!get("/status/boulder").then().extract().asString().contains("being rejected"));
        get("/api/v1/status/summary").then().body(BOULDER + "rejected_posts", nullValue());

        // A new run starts counting again.
        bad.put("timestamp", Seeds.nextCurrent(clock).toString());
        asCollector().body(bad.toString()).post("/api/v1/status/boulder").then().statusCode(400);
        get("/api/v1/status/summary").then().body(BOULDER + "rejected_posts.rejections", equalTo(1));
    }

    @Test
    void aDryRunThatFailsIsNotACollectorInTrouble() {
        double before = rejectedCount();
        asCollector().body("{\"cpu_nodes_total\": \"many\"}").queryParam("dry_run", true).post("/api/v1/status/boulder")
                .then().statusCode(400);
        assertEquals(before, rejectedCount(), 0.0);
    }

    private static double rejectedCount() {
        String metrics = get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("(?m)^hpcstatus_posts_rejected_total\\{[^}]*system=\"boulder\"[^}]*\\} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
