package org.hpcstatus.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.hpcstatus.live.BoardWatch;
import org.hpcstatus.support.Requests;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;

/**
 * Webhooks delivered to a real HTTP receiver started by the test: a "chat" hook (text body, HMAC signature, system
 * wharf only), a "raw" one (the event as JSON, outages only) and a "team" one (an Adaptive Card message, wharf's
 * state changes only); retries after a failure; once per event.
 */
@QuarkusTest
@TestProfile(WebhookTests.Hooks.class)
class WebhookTests {

    static final int PORT = freePort();
    static final String SECRET = "webhook-secret-1";

    public static class Hooks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("hpcstatus.systems.wharf.display-name", "Wharf"),
                    Map.entry("hpcstatus.systems.wharf.kind", "cluster"),
                    Map.entry("hpcstatus.webhooks.\"chat\".url", "http://127.0.0.1:" + PORT + "/chat"),
                    Map.entry("hpcstatus.webhooks.\"chat\".secret", SECRET),
                    Map.entry("hpcstatus.webhooks.\"chat\".systems", "wharf"),
                    Map.entry("hpcstatus.webhooks.\"raw\".url", "http://127.0.0.1:" + PORT + "/raw"),
                    Map.entry("hpcstatus.webhooks.\"raw\".format", "json"),
                    Map.entry("hpcstatus.webhooks.\"raw\".events", "outage"),
                    Map.entry("hpcstatus.webhooks.\"team\".url", "http://127.0.0.1:" + PORT + "/team"),
                    Map.entry("hpcstatus.webhooks.\"team\".format", "teams"),
                    Map.entry("hpcstatus.webhooks.\"team\".events", "state"),
                    Map.entry("hpcstatus.webhooks.\"team\".systems", "wharf"));
        }
    }

    record Received(String path, String signature, String body) {
    }

    private static HttpServer receiver;
    private static final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private static final BlockingQueue<Integer> answers = new LinkedBlockingQueue<>();

    @Inject
    BoardWatch watch;

    @Inject
    WebhookSender sender;

    @Inject
    Webhooks webhooks;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE), body));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Each test counts its own deliveries. */
    @org.junit.jupiter.api.BeforeEach
    void emptyOutbox() throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("DELETE FROM webhook_delivery");
        }
        received.clear();
    }

    private long count(String where) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM webhook_delivery WHERE " + where)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void anOutageAndTheStateItCausesReachTheReceiverSignedOnceEachAfterARetry() throws Exception {
        Seeds.cluster("wharf", Seeds.nextCurrent(clock), p -> { });
        watch.look();
        watch.look();
        int id = Seeds.outage("wharf", "critical", "Wharf power loss");
        watch.look();
        assertEquals(2, count("hook_name = 'chat'"), "the outage opened, and wharf down");
        assertEquals(1, count("hook_name = 'raw'"), "raw takes outages only");
        assertEquals(1, count("hook_name = 'team'"), "team takes state changes only");

        // Another replica sees the same and records nothing more.
        webhooks.recordedKeys().clear();
        watch.look();
        Seeds.outage("wharf", "critical", "Wharf power loss"); // an update: one more each
        watch.look();
        webhooks.recordedKeys().clear();
        watch.look();
        assertEquals(3, count("hook_name = 'chat'"));

        answers.add(500);
        assertEquals(5, sender.deliverDue(), "six due (three for chat, two for raw, one for team), the first refused");
        assertEquals(6, received.size());
        assertEquals(0, sender.deliverDue(), "the refused one waits for its backoff");
        clock.advance(Duration.ofSeconds(31));
        assertEquals(1, sender.deliverDue());
        assertEquals(0, count("delivered_at IS NULL"));

        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        assertEquals(7, all.size(), all.toString());
        List<Received> chat = all.stream().filter(r -> r.path().equals("/chat")).toList();
        for (Received r : chat) {
            assertEquals("sha256=" + WebhookSender.hmac(SECRET, r.body()), r.signature(), "signed with the secret");
        }
        assertTrue(chat.stream().anyMatch(r -> r.body().equals("{\"text\":\"Outage opened on Wharf: Wharf power loss"
                + " (critical, investigating)\"}")), chat.toString());
        assertTrue(chat.stream().anyMatch(r -> r.body().startsWith("{\"text\":\"Wharf is down: Critical outage: Wharf power loss")),
                chat.toString());
        Received raw = all.stream().filter(r -> r.path().equals("/raw")).findFirst().orElseThrow();
        assertTrue(raw.body().contains("\"event\":\"outage\"") && raw.body().contains("\"outage_id\":" + id), raw.body());
        assertEquals(null, raw.signature(), "no secret, no signature");
        Received team = all.stream().filter(r -> r.path().equals("/team")).findFirst().orElseThrow();
        JsonPath card = JsonPath.from(team.body());
        assertEquals("message", card.getString("type"), team.body());
        assertEquals("application/vnd.microsoft.card.adaptive", card.getString("attachments[0].contentType"), team.body());
        assertEquals("AdaptiveCard", card.getString("attachments[0].content.type"), team.body());
        assertTrue(card.getString("attachments[0].content.body[0].text")
                .startsWith("Wharf is down: Critical outage: Wharf power loss"), team.body());

        Seeds.resolve("wharf", "critical", "Wharf power loss");
        watch.look();
        assertEquals(4, sender.deliverDue(), "resolved (chat and raw) and wharf recovered (chat and team)");
        List<String> texts = new ArrayList<>();
        Received r;
        while ((r = received.poll(1, TimeUnit.SECONDS)) != null) {
            texts.add(r.body());
        }
        assertTrue(texts.stream().anyMatch(t -> t.contains("Wharf recovered: operational")), texts.toString());
    }

    @Test
    void rejectedPostsAndMaintenanceWithinADayAreNotifiedOnce() throws Exception {
        watch.look();
        Requests.asCollector().body("{}").post("/api/v1/status/wharf").then().statusCode(400);
        String start = clock.instant().plus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS).toString();
        Requests.asCollector().body("""
                {"system_name": "wharf", "title": "Wharf OS upgrade", "severity": "maintenance", "status": "investigating", "component": "Login nodes",
                 "start_time": "%s"}""".formatted(start)).post("/api/v1/status/outage").then().statusCode(201);
        watch.look();
        watch.look();
        assertEquals(1, count("event_type = 'rejected'"), "one notice per run of rejections");
        assertEquals(1, count("event_type = 'maintenance' AND hook_name = 'chat'"));
        sender.deliverDue();
        List<Received> all = new ArrayList<>();
        received.drainTo(all);
        assertTrue(all.stream().anyMatch(r -> r.body().contains("Wharf's collector posts are being rejected")), all.toString());
        assertTrue(all.stream().anyMatch(r -> r.body().contains("Maintenance in 4 hours on Wharf: Wharf OS upgrade")
                || r.body().contains("Maintenance in 5 hours on Wharf: Wharf OS upgrade")), all.toString());
        Seeds.resolve("wharf", "maintenance", "Wharf OS upgrade");
        Seeds.cluster("wharf", Seeds.nextCurrent(clock), p -> { });
        watch.look();
    }

    @Test
    void backoffDoublesUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), WebhookSender.backoff(1));
        assertEquals(Duration.ofSeconds(60), WebhookSender.backoff(2));
        assertEquals(Duration.ofHours(1), WebhookSender.backoff(12));
    }
}
