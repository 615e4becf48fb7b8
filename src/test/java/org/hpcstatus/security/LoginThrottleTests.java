package org.hpcstatus.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hpcstatus.support.Requests.as;
import static org.hpcstatus.support.TestData.freshPayload;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.RawHttp;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/** The test profile allows 5 failures per user and window (hpcstatus.security.max-failures-per-user). */
@QuarkusTest
class LoginThrottleTests {

    @Inject
    TestData data;

    @Inject
    TestClock clock;


    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void repeatedFailuresAreRefusedWith429EvenWithTheRightPassword() {
        for (int i = 0; i < 5; i++) {
            as(TestData.CASPER_COLLECTOR, "guess-" + i).body("{}").post("/api/v1/status/casper").then().statusCode(401);
        }
        as(TestData.CASPER_COLLECTOR, "guess-6").body("{}").post("/api/v1/status/casper").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error", startsWith("Too many failed logins; retry after "));
        // Refused before bcrypt: the right password does not get through while throttled.
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(429);
        clock.advance(Duration.ofMinutes(6));
        // The window has passed; this success (a cache miss: the cache entry expired too) clears the count.
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
    }

    @Test
    void verifiedCredentialIsServedFromTheCacheUntilItExpires() {
        as(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
        data.runSql("UPDATE api_credentials SET active = FALSE WHERE username = 'derecho_collector';\n");
        try {
            // Still cached: bcrypt and the database are not consulted within the TTL.
            as(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                    .post("/api/v1/status/jupyterhub").then().statusCode(201);
            // Well past the 60 s TTL, and past entries other tests cached while they had moved the clock ahead (the
            // browser tests alone move it 20 minutes per test).
            clock.advance(Duration.ofDays(1));
            as(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                    .post("/api/v1/status/jupyterhub").then().statusCode(401).body("error", equalTo("Invalid credentials"));
        } finally {
            data.runSql("UPDATE api_credentials SET active = TRUE WHERE username = 'derecho_collector';\n");
        }
    }

    /** The database takes "Casper_Collector " for casper_collector, so the throttle counts them as one name. */
    @Test
    void caseAndSpaceVariantsOfANameShareItsFailures() {
        String payload = freshPayload("jupyterhub-guide").toString();
        for (String variant : List.of("Casper_Collector", "CASPER_COLLECTOR", "casper_collector ", " Casper_collector",
                "casper_COLLECTOR")) {
            RawHttp.post("127.0.0.4", "/api/v1/status/jupyterhub", variant, "guess", payload);
        }
        assertEquals(429, RawHttp.post("127.0.0.4", "/api/v1/status/jupyterhub", "cAsPeR_cOlLeCtOr", "guess", payload));
        assertEquals(429, RawHttp.post("127.0.0.4", "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                TestData.OTHER_PASSWORD, payload), "five variants were five failures of one name from that address");
    }

    @Test
    void aCorrectPasswordWithAControlCharacterAfterItIsRefused() {
        String payload = freshPayload("jupyterhub-guide").toString();
        assertEquals(401, RawHttp.post("127.0.0.5", "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                TestData.OTHER_PASSWORD + "\0", payload));
        assertEquals(401, RawHttp.post("127.0.0.5", "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR + "\n",
                TestData.OTHER_PASSWORD, payload));
        assertEquals(201, RawHttp.post("127.0.0.5", "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                TestData.OTHER_PASSWORD, freshPayload("jupyterhub-guide").toString()));
    }

    /** Someone guessing a collector's password elsewhere throttles only their own address, not the collector. */
    @Test
    void failuresForAUserFromOneAddressDoNotLockThatUserOutElsewhere() {
        String payload = freshPayload("jupyterhub-guide").toString();
        for (int i = 0; i < 5; i++) {
            assertEquals(401, RawHttp.post("127.0.0.3", "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                    "guess-" + i, payload));
        }
        assertEquals(429, RawHttp.post("127.0.0.3", "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                TestData.OTHER_PASSWORD, payload), "the guessing address is throttled for that name");
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
    }

    /** The test profile allows 20 failures per address: a shared address is throttled, other clients are not. */
    @Test
    void manyFailuresFromOneAddressThrottleThatAddressOnly() {
        String guesser = "127.0.0.2";
        String payload = freshPayload("jupyterhub-guide").toString();
        for (int i = 0; i < 20; i++) {
            // A new made-up name each time, so only the address's count can reach its limit.
            assertEquals(401, RawHttp.post(guesser, "/api/v1/status/jupyterhub", "nobody-" + i, "guess", payload));
        }
        assertEquals(429, RawHttp.post(guesser, "/api/v1/status/jupyterhub", TestData.COLLECTOR,
                TestData.COLLECTOR_PASSWORD, payload), "the right password from a throttled address is refused too");
        as(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
    }
}
