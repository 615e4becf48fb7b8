package org.hpcstatus.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hpcstatus.support.Requests.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/** Guarded ingest: 5 posts a minute per credential, a global allow-list the tests' loopback is in, one walled credential. */
@QuarkusTest
@TestProfile(IngestGuardTests.Guarded.class)
class IngestGuardTests {

    public static class Guarded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpcstatus.ingest.posts-per-minute", "5",
                    "hpcstatus.ingest.allowed-networks", "127.0.0.0/8,::1/128",
                    "hpcstatus.ingest.credential-networks.\"walled\"", "10.0.0.0/8");
        }
    }

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static final Instant FIRST = Instant.now().minus(Duration.ofMinutes(30))
            .truncatedTo(ChronoUnit.SECONDS);
    private static int posted;

    /** Each post a second after the one before, starting half an hour ago: accepted, and leaving the clock alone. */
    private Response post(String user, String password) {
        var payload = TestData.payload("derecho-guide");
        payload.put("timestamp", FIRST.plusSeconds(posted++).toString());
        return as(user, password).body(payload.toString()).post("/api/v1/status/tarn");
    }

    @Test
    void aCredentialOverItsRateGets429WithRetryAfterAndRecoversAsTheBucketRefills() {
        data.createCollector("hasty", "hasty-password-1");
        clock.freezeAt(clock.instant());
        for (int i = 0; i < 5; i++) {
            post("hasty", "hasty-password-1").then().statusCode(201);
        }
        var refused = post("hasty", "hasty-password-1").then().statusCode(429)
                .body("error", containsString("hpcstatus.ingest.posts-per-minute")).extract();
        assertEquals("12", refused.header("Retry-After"), "one post's worth of the bucket refills in 12 s");
        // Another credential has a bucket of its own.
        data.createCollector("patient", "patient-password-1");
        post("patient", "patient-password-1").then().statusCode(201);
        clock.advance(Duration.ofSeconds(12));
        post("hasty", "hasty-password-1").then().statusCode(201);
        post("hasty", "hasty-password-1").then().statusCode(429);
    }

    @Test
    void aCredentialPostingFromOutsideItsNetworksGets403NamingTheAddress() {
        data.createCollector("walled", "walled-password-1");
        post("walled", "walled-password-1").then().statusCode(403)
                .body("error", containsString("hpcstatus.ingest.credential-networks"))
                .body("error", containsString("127.0.0.1"));
        data.createCollector("open", "open-password-1");
        post("open", "open-password-1").then().statusCode(201).body("success", equalTo(true));
    }

    @Test
    void networksParseAndMatchByPrefix() throws Exception {
        Network campus = Network.parse("10.20.0.0/16");
        assertTrue(campus.contains(InetAddress.getByName("10.20.255.1")));
        assertFalse(campus.contains(InetAddress.getByName("10.21.0.1")));
        assertFalse(campus.contains(InetAddress.getByName("::1")), "an IPv6 address is in no IPv4 network");
        Network odd = Network.parse("192.168.4.0/23");
        assertTrue(odd.contains(InetAddress.getByName("192.168.5.9")));
        assertFalse(odd.contains(InetAddress.getByName("192.168.6.1")));
        assertTrue(Network.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:1::5")));
        assertTrue(Network.parse("0.0.0.0/0").contains(InetAddress.getByName("8.8.8.8")));
        assertTrue(Network.parse("127.0.0.1").contains(InetAddress.getByName("127.0.0.1")));
        assertThrows(IllegalArgumentException.class, () -> Network.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Network.parse("campus.example.org"),
                "a name is refused, never looked up");
        assertThrows(IllegalArgumentException.class, () -> Network.parse("10.0.0.0/x"));
    }
}
