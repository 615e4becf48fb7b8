package org.hpcstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/**
 * Two service processes, the packaged MariaDB build, against one MariaDB database, as behind a load balancer. With
 * the roll-up job every 2 s and retention every 3 s while snapshots of the last three hours are posted to both: each
 * period's work is done by exactly one of them, a replica killed with SIGKILL leaves nothing the other cannot
 * finish, and the summaries end up matching the raw snapshots. And live: a stream client of one hears of a post
 * accepted by the other, and a webhook both are configured with is sent each event once. Run by failsafe after the
 * package phase (the replicas need the built application).
 */
class TwoReplicasIT {

    private static final String ADMIN = "replicas-admin";
    private static final String PASSWORD = "replicas-admin-password";
    private static final Pattern DONE = Pattern.compile("Job (\\S+) for (\\S+) done by (\\S+)");

    private final List<Replica> replicas = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Replica(String name, Process process, int port, Path log) {

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        /** job and period ("rollup 2026-12-02T18:00:04Z") of each run this replica completed, from its log. */
        List<String> completed() throws IOException {
            List<String> runs = new ArrayList<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = DONE.matcher(line);
                if (m.find()) {
                    assertTrue(m.group(3).startsWith(name + "/"), line);
                    runs.add(m.group(1) + " " + m.group(2));
                }
            }
            return runs;
        }
    }

    @AfterEach
    void stopReplicas() {
        replicas.forEach(r -> r.process().destroyForcibly());
    }

    @Test
    void eachPeriodsWorkIsDoneOnceAndASurvivorFinishesWhatAKilledReplicaLeft() throws Exception {
        recreateDatabase();
        Replica a = start("replica-a", List.of());
        Replica b = start("replica-b", List.of());
        awaitReady(a);
        awaitReady(b);

        // 36 snapshots five minutes apart over the last three hours, alternately to each replica, one a second so
        // that they land between the roll-up runs (every hour is marked, rolled up, and marked again).
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(3));
        for (int i = 0; i < 36; i++) {
            post(i % 2 == 0 ? a : b, derechoAt(first.plus(Duration.ofMinutes(5L * i))));
            Thread.sleep(1_000);
        }

        // Retention's first run is a minute after start: let both replicas compete for it a few periods.
        awaitRuns(a, b, "retention", 4, Duration.ofSeconds(90));
        Replica busier = a.completed().size() >= b.completed().size() ? a : b;
        Replica survivor = busier == a ? b : a;
        busier.process().destroyForcibly().waitFor();
        int survivorBefore = survivor.completed().size();
        Thread.sleep(9_000);

        List<String> all = new ArrayList<>(a.completed());
        all.addAll(b.completed());
        Map<String, Integer> times = new HashMap<>();
        all.forEach(run -> times.merge(run, 1, Integer::sum));
        times.forEach((run, n) -> assertEquals(1, n, run + " was done " + n + " times"));
        assertTrue(all.stream().filter(r -> r.startsWith("rollup ")).count() >= 20, "roll-up periods done: " + all);
        assertTrue(survivor.completed().size() >= survivorBefore + 4,
                "the survivor goes on doing every period after the other was killed: " + survivor.completed());

        try (Connection db = connect(); Statement sql = db.createStatement()) {
            // Every completed lease is one the logs report, by the replica they name.
            try (ResultSet rows = sql.executeQuery("SELECT job_name, period_start, holder FROM job_run"
                    + " WHERE completed_at IS NOT NULL")) {
                int completed = 0;
                while (rows.next()) {
                    completed++;
                    String holder = rows.getString(3);
                    assertTrue(holder.startsWith("replica-a/") || holder.startsWith("replica-b/"), holder);
                }
                // The killed replica may have died between completing a run and logging it, hence one more row.
                assertTrue(completed == all.size() || completed == all.size() + 1,
                        completed + " completed job_run rows against " + all.size() + " runs logged");
            }
            assertEquals(0, count(sql, "SELECT COUNT(*) FROM rollup_mark"), "hours left to roll up");
            // Each hour's summary counts the snapshots stored for it, whichever replica took them or rolled them up.
            try (ResultSet rows = sql.executeQuery("SELECT h.bucket_start, h.samples, (SELECT COUNT(*) FROM status_snapshot s"
                    + " WHERE s.system_id = h.system_id AND s.observed_at >= h.bucket_start"
                    + " AND s.observed_at < h.bucket_start + INTERVAL 1 HOUR) FROM rollup h"
                    + " WHERE h.resolution = 'h' AND h.metric = 'snapshots'")) {
                int hours = 0;
                while (rows.next()) {
                    hours++;
                    assertEquals(rows.getInt(3), rows.getInt(2), "snapshots in the hour from " + rows.getObject(1));
                }
                assertEquals(3, hours, "hours summarised");
            }
            assertEquals(36, count(sql, "SELECT SUM(samples) FROM rollup WHERE resolution = 'd' AND metric = 'snapshots'"),
                    "snapshots in the day summaries");
        }
    }

    @Test
    void aStreamClientOfOneReplicaHearsOfAPostToTheOtherAndAWebhookIsSentEachEventOnce() throws Exception {
        recreateDatabase();
        BlockingQueue<String> delivered = new LinkedBlockingQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            delivered.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            List<String> hook = List.of("-Dhpcstatus.webhooks.chat.url=http://127.0.0.1:"
                    + receiver.getAddress().getPort() + "/chat", "-Dhpcstatus.live.webhook-every=2S");
            Replica a = start("replica-a", hook);
            Replica b = start("replica-b", hook);
            awaitReady(a);
            awaitReady(b);

            BlockingQueue<String> stream = new LinkedBlockingQueue<>();
            HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(a.uri("/api/v1/status/stream"))
                    .version(HttpClient.Version.HTTP_1_1).build(), HttpResponse.BodyHandlers.ofInputStream());
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        stream.add(line);
                    }
                } catch (IOException closed) {
                    // the replica was stopped
                }
            }, "stream-reader");
            reader.setDaemon(true);
            reader.start();
            assertEquals(":hpc-status events", stream.poll(10, TimeUnit.SECONDS), "the stream's opening comment");

            Instant posted = Instant.now();
            String accepted = post(b, derechoAt(posted.truncatedTo(ChronoUnit.SECONDS)));
            Matcher statusId = Pattern.compile("\"status_id\":(\\d+)").matcher(accepted);
            assertTrue(statusId.find(), accepted);
            String heard = awaitLine(stream, "data:{\"system\":\"derecho\",\"status_id\":" + statusId.group(1) + ",",
                    Duration.ofSeconds(5));
            System.out.printf("replica-a's stream: %s (%d ms after the post to replica-b)%n", heard,
                    Duration.between(posted, Instant.now()).toMillis());

            send(b, "/api/v1/status/outage", "{\"system_name\": \"derecho\", \"title\": \"Lustre metadata server slow\","
                    + " \"severity\": \"major\", \"status\": \"investigating\"}");
            awaitLine(stream, "event:outage", Duration.ofSeconds(5));
            // Both replicas' board watches see the outage and the state it causes; each is one outbox row.
            List<String> bodies = new ArrayList<>();
            Instant until = Instant.now().plus(Duration.ofSeconds(30));
            while (bodies.size() < 2 && Instant.now().isBefore(until)) {
                String body = delivered.poll(1, TimeUnit.SECONDS);
                if (body != null) {
                    bodies.add(body);
                }
            }
            Thread.sleep(8_000); // four more sending periods of either replica: nothing is sent again
            delivered.drainTo(bodies);
            assertEquals(List.of("{\"text\":\"Derecho is degraded: Major outage: Lustre metadata server slow\"}",
                    "{\"text\":\"Outage opened on Derecho: Lustre metadata server slow (major, investigating)\"}"),
                    bodies.stream().sorted().toList(), "each event once, the first snapshot no news");
        } finally {
            receiver.stop(0);
        }
    }

    private static String awaitLine(BlockingQueue<String> stream, String prefix, Duration within) throws Exception {
        Instant until = Instant.now().plus(within);
        List<String> seen = new ArrayList<>();
        while (Instant.now().isBefore(until)) {
            String line = stream.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith(prefix)) {
                return line;
            }
            if (line != null) {
                seen.add(line);
            }
        }
        throw new AssertionError("no line starting " + prefix + " within " + within + "; the stream sent " + seen);
    }

    private Replica start(String name, List<String> properties) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Path.of("target", "replicas", name + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(properties);
        command.addAll(List.of("-jar", Path.of(System.getProperty("replicas.app"), "quarkus-run.jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("HOSTNAME", name);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", System.getProperty("replicas.mariadb.url"));
        env.put("QUARKUS_DATASOURCE_USERNAME", System.getProperty("replicas.mariadb.username"));
        env.put("QUARKUS_DATASOURCE_PASSWORD", System.getProperty("replicas.mariadb.password", ""));
        env.put("HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME", ADMIN);
        env.put("HPCSTATUS_SECURITY_BOOTSTRAP_PASSWORD", PASSWORD);
        env.put("HPCSTATUS_HISTORY_ROLLUP_EVERY", "2S");
        env.put("HPCSTATUS_HISTORY_RETENTION_EVERY", "3S");
        env.put("QUARKUS_LOG_CATEGORY__ORG_HPCSTATUS_JOBS__LEVEL", "DEBUG"); // JobRuns logs each run it completes
        Replica replica = new Replica(name, builder.start(), port, log);
        replicas.add(replica);
        return replica;
    }

    private void awaitReady(Replica replica) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(until)) {
            assertTrue(replica.process().isAlive(), replica.name() + " exited; see " + replica.log());
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(replica.uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new AssertionError(replica.name() + " did not become ready; see " + replica.log());
    }

    private void awaitRuns(Replica a, Replica b, String job, int runs, Duration within) throws Exception {
        Instant until = Instant.now().plus(within);
        while (Instant.now().isBefore(until)) {
            long done = a.completed().stream().filter(r -> r.startsWith(job + " ")).count()
                    + b.completed().stream().filter(r -> r.startsWith(job + " ")).count();
            if (done >= runs) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("fewer than " + runs + " " + job + " runs within " + within);
    }

    /** The guide's Derecho example as observed at {@code at}. */
    private static String derechoAt(Instant at) throws IOException {
        return Files.readString(Path.of("src/main/resources/docs/examples/derecho-guide.json"))
                .replaceFirst("\"timestamp\": \"[^\"]+\"", "\"timestamp\": \"" + at + "\"");
    }

    /** Posts a Derecho snapshot; returns the answer. */
    private String post(Replica replica, String body) throws Exception {
        return send(replica, "/api/v1/status/derecho", body);
    }

    private String send(Replica replica, String path, String body) throws Exception {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(replica.uri(path))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return response.body();
    }

    /** The suite's MariaDB database, emptied: the replicas migrate it from nothing, as a new installation does. */
    private static void recreateDatabase() throws SQLException {
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            String name = db.getCatalog();
            sql.execute("DROP DATABASE " + name);
            sql.execute("CREATE DATABASE " + name);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("replicas.mariadb.url"),
                System.getProperty("replicas.mariadb.username"), System.getProperty("replicas.mariadb.password", ""));
    }

    private static long count(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
