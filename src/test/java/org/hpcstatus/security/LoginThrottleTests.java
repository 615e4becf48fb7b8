package org.hpcstatus.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hpcstatus.support.Requests.as;
import static org.hpcstatus.support.TestData.freshPayload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.test.junit.QuarkusTest;
import org.hamcrest.Matchers;
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

    @Inject
    MeterRegistry meters;


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
                .header("Retry-After", Matchers.notNullValue())
                .body("error", startsWith("Too many failed logins; retry after "));
        // Refused before bcrypt: a password not verified yet does not get through while throttled.
        as(TestData.CASPER_COLLECTOR, "guess-7").body("{}").post("/api/v1/status/casper").then().statusCode(429);
        clock.advance(Duration.ofMinutes(6));
        // The window has passed; this success (a cache miss: the cache entry expired too) clears the count.
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
    }

    @Test
    void verifiedCredentialIsServedFromTheCacheUntilItExpires() {
        // A credential of its own: other tests move the shared clock days ahead and back, which leaves their
        // logins cached "in the future".
        data.createCollector("ttl_collector", "ttl-pw");
        as("ttl_collector", "ttl-pw").body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
        data.runSql("UPDATE api_credentials SET active = FALSE WHERE username = 'ttl_collector';\n");
        // Still cached: bcrypt and the database are not consulted within the TTL.
        as("ttl_collector", "ttl-pw").body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
        clock.advance(Duration.ofSeconds(61)); // past the test profile's 60 s TTL
        as("ttl_collector", "ttl-pw").body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(401).body("error", equalTo("Invalid credentials"));
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
                "guess-again", payload), "five variants were five failures of one name from that address");
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
                "guess-5", payload), "the guessing address is throttled for that name");
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
        assertEquals(429, RawHttp.post(guesser, "/api/v1/status/jupyterhub", TestData.COLLECTOR,
                TestData.COLLECTOR_PASSWORD, payload), "even once it is verified and cached");
        as(TestData.COLLECTOR, TestData.COLLECTOR_PASSWORD).body(freshPayload("jupyterhub-guide").toString())
                .post("/api/v1/status/jupyterhub").then().statusCode(201);
    }

    /** A collector that mistyped its password and fixed it is not kept out by the failures it made. */
    @Test
    void aVerifiedCredentialIsAdmittedFromAnAddressThrottledOnlyForThatName() {
        String address = "127.0.0.9";
        assertEquals(201, RawHttp.post(address, "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                TestData.OTHER_PASSWORD, freshPayload("jupyterhub-guide").toString()));
        for (int i = 0; i < 5; i++) {
            assertEquals(401, RawHttp.post(address, "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                    "typo-" + i, "{}"));
        }
        assertEquals(429, RawHttp.post(address, "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                "typo-again", "{}"), "new guesses are refused");
        assertEquals(201, RawHttp.post(address, "/api/v1/status/jupyterhub", TestData.CASPER_COLLECTOR,
                TestData.OTHER_PASSWORD, freshPayload("jupyterhub-guide").toString()), "the known-good one is not");
    }

    /** The check of the limit and the counting of the attempt are one step: checks in progress count. */
    @Test
    void concurrentGuessesGetNoMorePasswordChecksThanTheLimit() throws Exception {
        double checksBefore = passwordChecks();
        List<Integer> codes = concurrently(40, i -> RawHttp.post("127.0.0.6", "/api/v1/status/jupyterhub",
                TestData.CASPER_COLLECTOR, "concurrent-guess-" + i, "{}"));
        assertEquals(40, codes.size());
        assertEquals(5, codes.stream().filter(code -> code == 401).count(), "as many as the per-user limit: " + codes);
        assertEquals(35, codes.stream().filter(code -> code == 429).count(), codes.toString());
        assertEquals(5, passwordChecks() - checksBefore, 0.0);
    }

    /** A cache expiry (or a restart) under load costs one bcrypt per credential; the others wait for its result. */
    @Test
    void concurrentLoginsWithTheSameCredentialShareOneVerification() throws Exception {
        // A credential of its own, so that no other test's login is in the cache yet.
        data.createCollector("stampede_collector", "stampede-pw");
        double checksBefore = passwordChecks();
        List<Integer> codes = concurrently(30, i -> RawHttp.post("127.0.1." + (i + 1), "/api/v1/status/jupyterhub",
                "stampede_collector", "stampede-pw", freshPayload("jupyterhub-guide").toString()));
        assertEquals(List.of(201), codes.stream().distinct().toList(), codes.toString());
        assertEquals(1, passwordChecks() - checksBefore, 0.0);
    }

    /** An unknown name is checked against a dummy hash, so it costs what a wrong password costs (bcrypt cost 12). */
    @Test
    void anUnknownUserTakesAsLongAsAWrongPassword() {
        data.runSql("INSERT INTO api_credentials (username, password_hash, description, active) VALUES ('cost12_user', '"
                + BcryptUtil.bcryptHash("cost12-password", 12) + "', 'bcrypt cost 12 like the guide', TRUE);\n");
        long unknown = RawHttp.medianRefusalMillis(i -> RawHttp.post("127.0.0.10", "/api/v1/status/jupyterhub", "no-such-user-" + i,
                "guess", "{}"));
        long wrong = RawHttp.medianRefusalMillis(i -> RawHttp.post("127.0.0.11", "/api/v1/status/jupyterhub", "cost12_user",
                "guess-" + i, "{}"));
        assertTrue(unknown * 2 > wrong, "unknown user " + unknown + " ms, wrong password " + wrong + " ms");
    }

    /** MariaDB's default collation took "Casper_Collector" for casper_collector; names are compared byte for byte. */
    @Test
    void aNameThatIsNotTheStoredOneDoesNotAuthenticate() {
        for (String variant : List.of("Casper_Collector", "casper_collector ", "cásper_collector")) {
            assertEquals(401, RawHttp.post("127.0.0.12", "/api/v1/status/jupyterhub", variant, TestData.OTHER_PASSWORD,
                    freshPayload("jupyterhub-guide").toString()), variant);
        }
    }

    private double passwordChecks() {
        return meters.get("hpcstatus.login.password.checks").counter().count();
    }

    private static List<Integer> concurrently(int requests, IntFunction<Integer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                int n = i;
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.apply(n);
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                codes.add(answer.get(60, TimeUnit.SECONDS));
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
