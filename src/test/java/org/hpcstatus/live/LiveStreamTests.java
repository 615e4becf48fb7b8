package org.hpcstatus.live;

import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.hamcrest.Matchers;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/** GET /api/v1/status/stream read by a real HTTP client, as a browser's EventSource would; system brook. */
@QuarkusTest
class LiveStreamTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TestHTTPResource("/api/v1/status/stream")
    URI streamUri;

    @Inject
    BoardWatch watch;

    @Inject
    LiveStream stream;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** One event as the client parsed it: id, event name, data; comments have the name "comment". */
    record Event(String id, String name, JsonPath data, String raw) {
    }

    /** An open stream, parsed line by line on the HTTP client's thread into a queue. */
    final class Reader implements AutoCloseable {

        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final HttpResponse<Stream<String>> response;

        Reader(String lastEventId) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(streamUri).header("Accept", "text/event-stream");
            if (lastEventId != null) {
                request.header("Last-Event-ID", lastEventId);
            }
            response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                    response.headers().map().toString());
            Thread parser = new Thread(this::parse, "sse-reader");
            parser.setDaemon(true);
            parser.start();
            next(e -> e.name().equals("comment"));
        }

        private void parse() {
            Map<String, String> fields = new HashMap<>();
            try {
                response.body().forEach(line -> {
                    if (line.startsWith(":")) {
                        events.add(new Event(null, "comment", null, line.substring(1).strip()));
                    } else if (line.isEmpty()) {
                        if (fields.containsKey("data")) {
                            events.add(new Event(fields.get("id"), fields.getOrDefault("event", "message"),
                                    JsonPath.from(fields.get("data")), fields.get("data")));
                        }
                        fields.clear();
                    } else {
                        int colon = line.indexOf(':');
                        fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
                    }
                });
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        }

        /** The next event that matches, skipping others; fails after the wait. */
        Event next(Predicate<Event> wanted) throws InterruptedException {
            long until = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < until) {
                Event e = events.poll(100, TimeUnit.MILLISECONDS);
                if (e != null && wanted.test(e)) {
                    return e;
                }
            }
            throw new AssertionError("no such event within " + WAIT);
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    private static Predicate<Event> event(String name, String system) {
        return e -> e.name().equals(name) && system.equals(e.data().getString("system"));
    }

    /** Posts the guide's Derecho example to brook as observed at {@code at}; returns its status id. */
    static long post(Instant at) {
        var payload = TestData.payload("derecho-guide");
        payload.put("timestamp", at.toString());
        return ((Number) asCollector().body(payload.toString()).post("/api/v1/status/brook").then().statusCode(201)
                .extract().path("status_id")).longValue();
    }

    @Test
    void anAcceptedPostIsAnnouncedAtOnceWithItsStatusIdAndState() throws Exception {
        watch.look();
        try (Reader reader = new Reader(null)) {
            Instant at = Seeds.nextCurrent(clock);
            long statusId = post(at);
            Event e = reader.next(event("snapshot", "brook").and(x -> x.data().getLong("status_id") == statusId));
            assertEquals(at.toString(), e.data().getString("timestamp"));
            assertEquals("operational", e.data().getString("state"));
            assertTrue(Long.parseLong(e.id()) > 0, e.id());
        }
    }

    @Test
    void aCollectorFallingSilentIsAnnouncedAsAStateChangeThatNoPostMade() throws Exception {
        Instant at = Seeds.nextCurrent(clock);
        post(at);
        watch.look();
        try (Reader reader = new Reader(null)) {
            clock.freezeAt(at.plus(Duration.ofMinutes(11)));
            watch.look();
            Event e = reader.next(event("state", "brook"));
            assertEquals("stale", e.data().getString("state"));
            assertEquals("operational", e.data().getString("previous"));
            clock.reset();
        }
    }

    @Test
    void anOutageOpenedUpdatedAndResolvedIsAnnouncedEachTime() throws Exception {
        watch.look();
        try (Reader reader = new Reader(null)) {
            int id = Seeds.outage("brook", "minor", "Brook scratch slow");
            Event opened = reader.next(event("outage", "brook").and(e -> e.data().getString("change").equals("opened")));
            assertEquals(id, opened.data().getInt("outage_id"));
            assertEquals("Brook scratch slow", opened.data().getString("title"));
            Seeds.outage("brook", "minor", "Brook scratch slow");
            reader.next(event("outage", "brook").and(e -> e.data().getString("change").equals("updated")));
            Seeds.resolve("brook", "minor", "Brook scratch slow");
            Event resolved = reader.next(event("outage", "brook").and(e -> e.data().getString("change").equals("resolved")));
            assertEquals("resolved", resolved.data().getString("status"));
        }
    }

    @Test
    void aClientReconnectingWithLastEventIdIsSentWhatItMissed() throws Exception {
        watch.look();
        String lastSeen;
        try (Reader reader = new Reader(null)) {
            long first = post(Seeds.nextCurrent(clock));
            lastSeen = reader.next(event("snapshot", "brook").and(e -> e.data().getLong("status_id") == first)).id();
        }
        long missed = post(Seeds.nextCurrent(clock));
        // the post is announced while no client listens
        long until = System.nanoTime() + WAIT.toNanos();
        while (stream.since(Long.parseLong(lastSeen)).stream().noneMatch(e -> Long.valueOf(missed).equals(e.data().get("status_id")))
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        try (Reader again = new Reader(lastSeen)) {
            Event e = again.next(event("snapshot", "brook"));
            assertEquals(missed, e.data().getLong("status_id"), "the first event after reconnecting is the one missed");
        }
    }

    @Test
    void idleConnectionsGetAHeartbeatComment() throws Exception {
        try (Reader reader = new Reader(null)) {
            stream.heartbeat();
            assertEquals("keep-alive", reader.next(e -> e.name().equals("comment")).raw());
        }
    }

    @Test
    void aLastEventIdThatIsNoIdIsA400() {
        RestAssured.given().header("Last-Event-ID", "yesterday").get("/api/v1/status/stream").then().statusCode(400)
                .body("error", Matchers.containsString("Last-Event-ID"));
    }
}
