package org.hpcstatus.ingest;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hpcstatus.support.Requests.asCollector;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.hpcstatus.support.TestData;

/**
 * The guide's example collector writes datetime.now().isoformat(): local time without an offset. A site that set
 * its display zone gets those read in that zone without a second setting.
 */
@QuarkusTest
@TestProfile(NaiveTimestampZoneTests.InDenver.class)
class NaiveTimestampZoneTests {

    private static final ZoneId DENVER = ZoneId.of("America/Denver");

    public static class InDenver implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpcstatus.dashboard.display-zone", "America/Denver");
        }
    }

    @Test
    void aNaiveLocalTimeIsReadInTheDisplayZoneAndNeedsNoWarning() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String denverClock = LocalDateTime.ofInstant(now, DENVER).toString();
        ObjectNode payload = TestData.payloadFor("derecho", "deployed/derecho-full-machine");
        payload.put("timestamp", denverClock);
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(201)
                .body("timestamp", equalTo(now.toString())).body("warnings", empty());
        get("/api/v1/status/derecho/latest").then().statusCode(200).body("timestamp", equalTo(now.toString()))
                .body("stale", equalTo(false)).body("warnings", empty());
    }

    @Test
    void aNaiveUtcTimeIsNowReadAsDenverTimeSoItLiesInTheFuture() {
        // The same wall-clock reading taken as Denver time is 7 h after the instant meant: refused, naming the zone
        // problem, instead of being stored hours off.
        String utcClock = LocalDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode payload = TestData.payloadFor("casper", "deployed/casper");
        payload.put("timestamp", utcClock);
        asCollector().body(payload.toString()).post("/api/v1/status/casper").then().statusCode(400)
                .body("error", containsString("in the future: check the collector's clock and time zone"));
    }

    @Test
    void aNaiveTimeStillAnHourOffIsStoredWithTheWarningNamingTheZoneItWasReadIn() {
        String twoHoursBehind = LocalDateTime.ofInstant(Instant.now().minus(2, ChronoUnit.HOURS), DENVER)
                .truncatedTo(ChronoUnit.SECONDS).toString();
        ObjectNode payload = TestData.payloadFor("gust", "deployed/derecho-full-machine");
        payload.put("timestamp", twoHoursBehind);
        asCollector().body(payload.toString()).post("/api/v1/status/gust").then().statusCode(201)
                .body("warnings[0]", equalTo("timestamp " + twoHoursBehind + " (no offset, read as America/Denver) is 2 h"
                        + " behind the server clock: send an offset, or set hpcstatus.ingest.naive-timestamp-zone"));
    }
}
