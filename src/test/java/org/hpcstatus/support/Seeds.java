package org.hpcstatus.support;

import static org.hpcstatus.support.Requests.asCollector;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Posts snapshots and outages for tests that need a system's newest snapshot; {@link #nextCurrent} is the one way
 * to get a timestamp that is. (TestData.nextTimestamp gives past instants for tests that only store.)
 */
public final class Seeds {

    private static Instant lastIssued = Instant.EPOCH;

    private Seeds() {
    }

    /**
     * A timestamp a second after the service's "now" and after every earlier one from here, so each post moves its
     * system's latest pointer whatever order the tests run in. When an earlier test (with the clock moved ahead)
     * issued a later one, the clock is moved up to it first, so the new post is "now" and not in the future.
     */
    public static synchronized Instant nextCurrent(TestClock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!now.isAfter(lastIssued)) {
            clock.advance(Duration.between(now, lastIssued));
            now = lastIssued;
        }
        lastIssued = now.plusSeconds(1);
        return lastIssued;
    }

    /**
     * Like {@link #nextCurrent}, but {@code gap} after every timestamp issued before, with the clock moved there: for
     * a test that needs its post to follow the system's previous one by at least that much.
     */
    public static synchronized Instant nextCurrentAfter(TestClock clock, Duration gap) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant at = (now.isAfter(lastIssued) ? now : lastIssued).plus(gap);
        clock.advance(Duration.between(now, at));
        lastIssued = at;
        return at;
    }

    /** Posts the guide's Derecho example for {@code system} at {@code at}, after {@code edit} changes it. */
    public static void cluster(String system, Instant at, Consumer<ObjectNode> edit) {
        ObjectNode payload = TestData.payload("derecho-guide");
        payload.put("timestamp", at.toString());
        edit.accept(payload);
        asCollector().body(payload.toString()).post("/api/v1/status/" + system).then().statusCode(201);
    }

    /** Posts the payload file {@code payloads/<name>.json} for {@code system} at {@code at}. */
    public static void post(String system, String name, Instant at) {
        ObjectNode payload = TestData.payloadFor(system, name);
        payload.put("timestamp", at.toString());
        asCollector().body(payload.toString()).post("/api/v1/status/" + system).then().statusCode(201);
    }

    public static void casperShaped(String system, Instant at) {
        casperShaped(system, at, payload -> { });
    }

    /** Posts the guide's Casper example for {@code system} at {@code at}, after {@code edit} changes it. */
    public static void casperShaped(String system, Instant at, Consumer<ObjectNode> edit) {
        ObjectNode payload = TestData.payload("casper-guide");
        payload.put("timestamp", at.toString());
        edit.accept(payload);
        asCollector().body(payload.toString()).post("/api/v1/status/" + system).then().statusCode(201);
    }

    /** Opens (or updates) an outage; returns its id. */
    public static int outage(String system, String severity, String title) {
        return asCollector().body("""
                {"system_name": "%s", "title": "%s", "severity": "%s", "status": "investigating",
                 "component": "Login nodes", "estimated_resolution": "2030-01-01T18:00:00Z"}"""
                .formatted(system, title.replace("\"", "\\\""), severity))
                .post("/api/v1/status/outage").then().extract().path("outage_id");
    }

    public static void resolve(String system, String severity, String title) {
        asCollector().body("""
                {"system_name": "%s", "title": "%s", "severity": "%s", "status": "resolved", "component": "Login nodes"}"""
                .formatted(system, title.replace("\"", "\\\""), severity))
                .post("/api/v1/status/outage").then().statusCode(200);
    }
}
