package org.hpcstatus.history;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.hpcstatus.retention.Retention;
import org.hpcstatus.rollup.Rollups;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestData;

/**
 * Roll-ups on fixed data, read back through the history API at each resolution. Its own profile, so its application
 * (and schema) is its own: retention here deletes old rows other test classes post on purpose.
 */
@QuarkusTest
@TestProfile(HistoryTests.OwnSchema.class)
class HistoryTests {

    public static class OwnSchema implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hpcstatus.history.delete-batch", "10");
        }
    }

    @Inject
    Rollups rollups;

    @Inject
    Retention retention;

    @Inject
    TestData data;

    @Inject
    DataSource dataSource;

    private long count(String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sql(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC).toString().replace('T', ' ');
    }

    /** An hour three days back: raw data is kept, hourly data answers a few days' range. */
    private static final Instant HOUR = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    private static void post(String system, Instant at, double cpu, int pending) {
        Seeds.cluster(system, at, payload -> {
            payload.put("cpu_utilization_percent", cpu);
            ArrayNode queues = payload.putArray("queues");
            ObjectNode main = queues.addObject();
            main.put("queue_name", "main").put("running_jobs", 10).put("pending_jobs", pending);
        });
    }

    private static JsonPath history(String system, String metric, Instant from, Instant to, String... scope) {
        var request = given().queryParam("metric", metric).queryParam("from", from.toString()).queryParam("to", to.toString());
        if (scope.length == 2) {
            request = request.queryParam(scope[0], scope[1]);
        }
        return request.get("/api/v1/status/" + system + "/history").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> pointAt(JsonPath series, Instant at) {
        List<Map<String, Object>> points = series.getList("points");
        return points.stream().filter(p -> Instant.parse((String) p.get("time")).equals(at)).findFirst()
                .orElseThrow(() -> new AssertionError("no point at " + at + " in " + points));
    }

    @Test
    void hoursAndDaysSummariseWhatWasPostedWithAGapAndALatePost() {
        post("gust", HOUR.plus(1, ChronoUnit.MINUTES), 10, 100);
        post("gust", HOUR.plus(6, ChronoUnit.MINUTES), 20, 200);
        post("gust", HOUR.plus(11, ChronoUnit.MINUTES), 30, 300);
        // Nothing from :15 to :59 (the collector was silent), then the next hour, then a late post for the first.
        post("gust", HOUR.plus(61, ChronoUnit.MINUTES), 50, 500);
        post("gust", HOUR.plus(16, ChronoUnit.MINUTES), 40, 400);
        assertTrue(rollups.rollUp(1000) >= 2);
        assertEquals(0, rollups.rollUp(1000), "nothing left marked");

        // Two hours: raw points every 5 minutes, the silence as nulls.
        JsonPath raw = history("gust", "cpu_utilization_percent", HOUR, HOUR.plus(2, ChronoUnit.HOURS));
        assertEquals("raw", raw.getString("source"));
        assertEquals(300, raw.getInt("step_seconds"));
        assertEquals(24, raw.getList("points").size());
        assertEquals(40.0, ((Number) pointAt(raw, HOUR.plus(15, ChronoUnit.MINUTES)).get("value")).doubleValue());
        assertNull(pointAt(raw, HOUR.plus(30, ChronoUnit.MINUTES)).get("value"), "a gap is null, never 0");

        // Four days: hourly, the late post in its own hour.
        JsonPath hourly = history("gust", "cpu_utilization_percent", HOUR.minus(3, ChronoUnit.DAYS), HOUR.plus(1, ChronoUnit.DAYS));
        assertEquals("hourly", hourly.getString("source"));
        Map<String, Object> first = pointAt(hourly, HOUR);
        assertEquals(25.0, ((Number) first.get("value")).doubleValue(), 1e-9);
        assertEquals(10.0, ((Number) first.get("min")).doubleValue());
        assertEquals(40.0, ((Number) first.get("max")).doubleValue());
        assertEquals(4, first.get("samples"));
        assertEquals(50.0, ((Number) pointAt(hourly, HOUR.plus(1, ChronoUnit.HOURS)).get("value")).doubleValue());
        assertNull(pointAt(hourly, HOUR.plus(2, ChronoUnit.HOURS)).get("value"));
        assertEquals(4.0, ((Number) pointAt(history("gust", "snapshots", HOUR.minus(3, ChronoUnit.DAYS),
                HOUR.plus(1, ChronoUnit.DAYS)), HOUR).get("value")).doubleValue(), "snapshots seen in the hour");

        // A queue's series, from the same roll-up.
        Map<String, Object> queue = pointAt(history("gust", "pending_jobs", HOUR.minus(3, ChronoUnit.DAYS),
                HOUR.plus(1, ChronoUnit.DAYS), "queue", "main"), HOUR);
        assertEquals(250.0, ((Number) queue.get("value")).doubleValue(), 1e-9);

        // 100 days: daily, the day's five posts together.
        JsonPath daily = history("gust", "cpu_utilization_percent", HOUR.minus(100, ChronoUnit.DAYS), HOUR.plus(1, ChronoUnit.DAYS));
        assertEquals("daily", daily.getString("source"));
        Map<String, Object> day = pointAt(daily, HOUR.truncatedTo(ChronoUnit.DAYS));
        assertEquals(30.0, ((Number) day.get("value")).doubleValue(), 1e-9);
        assertEquals(5, day.get("samples"));
        assertTrue(daily.getList("points").size() <= 102, "a point a day");

        // The same as CSV.
        var csvAnswer = given().queryParam("metric", "cpu_utilization_percent").queryParam("from", HOUR.toString())
                .queryParam("to", HOUR.plus(1, ChronoUnit.HOURS).toString()).get("/api/v1/status/gust/history.csv")
                .then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("gust-cpu_utilization_percent.csv")).extract();
        String csv = csvAnswer.asString();
        assertTrue(csv.startsWith("time,value,min,max,samples\n" + HOUR + ",10,,,1\n"), csv);
        assertTrue(csv.contains(HOUR.plus(30, ChronoUnit.MINUTES) + ",,,,0\n"), csv);
        // A poller that has it already is told so without the body.
        given().header("If-None-Match", csvAnswer.header("ETag")).queryParam("metric", "cpu_utilization_percent")
                .queryParam("from", HOUR.toString()).queryParam("to", HOUR.plus(1, ChronoUnit.HOURS).toString())
                .get("/api/v1/status/gust/history.csv").then().statusCode(304);
    }

    @Test
    void systemPagesDrawChartsWithGapsAndOutageBands() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // Two runs of posts with an hour of silence between them, and an outage during the silence.
        for (int i = 0; i < 6; i++) {
            post("ops", now.minus(Duration.ofHours(3)).plusSeconds(300L * i), 20 + i, 50);
            post("ops", now.minus(Duration.ofMinutes(40)).plusSeconds(300L * i), 60 + i, 80);
        }
        Seeds.outage("ops", "major", "Chart band check");
        String page = given().get("/status/ops").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<title id=\"ops-2-title\">Utilization, last 24 hours</title>"), page);
        assertTrue(page.contains("<desc id=\"ops-2-desc\">Utilization, last 24 hours. Latest: CPU 65 %"), page);
        String cpu = page.substring(page.indexOf("<title id=\"ops-2-title\">"));
        cpu = cpu.substring(cpu.indexOf("<path class=\"line series-1\" d=\""));
        cpu = cpu.substring(0, cpu.indexOf("\"/>"));
        assertEquals(2, cpu.split(" M|\"M").length - 1, "two runs, one break between them: " + cpu);
        assertTrue(page.contains("<rect class=\"band band-major\""), "the outage as a band: " + page);
        assertTrue(page.contains("<title id=\"ops-login-title\">Login node load (1 min), last 24 hours</title>"), page);
        assertTrue(page.contains("<a href=\"?range=7d\">7d</a>") && page.contains("aria-current=\"true\">24h</a>"), page);
        given().get("/status/ops?range=1y").then().statusCode(200).body(containsString("Jobs, last year"));
        given().get("/status/ops?range=forever").then().statusCode(400).body(containsString("range is one of"));
        Seeds.resolve("ops", "major", "Chart band check");
    }

    @Test
    void aQueuePageSaysWhetherItIsBusierThanUsualAtThisHour() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String before = given().get("/status/cheyenne/queues/main").then().statusCode(400).extract().asString();
        assertTrue(before.contains("has reported no queue"), before);
        post("cheyenne", now.minus(Duration.ofDays(14)), 50, 120);
        post("cheyenne", now.minus(Duration.ofDays(7)), 50, 100);
        post("cheyenne", now.minus(Duration.ofMinutes(190)), 50, 200);
        post("cheyenne", now.minus(Duration.ofMinutes(10)), 50, 400);
        String page = given().get("/status/cheyenne/queues/main").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<strong>400 jobs pending</strong>: busier than usual"), page);
        assertTrue(page.contains("(usually about 110 on "), page);
        assertTrue(page.contains("the median of the last 2 weeks)"), page);
        assertTrue(page.contains("<strong>rising (+200 in 3 hours)</strong>"), page);
        assertTrue(page.contains("<title id=\"cheyenne-queue-0-title\">Jobs, last 24 hours</title>"), page);
        String system = given().get("/status/cheyenne").then().statusCode(200).extract().asString();
        assertTrue(system.contains("<a href=\"/status/cheyenne/queues/main\">main</a>"), "linked from the system page");
    }

    @Test
    void aFilesystemSaysWhenItFillsAtThisPace() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (int d = 0; d < 10; d++) {
            int day = d;
            Seeds.cluster("summit", now.minus(Duration.ofDays(9 - day)).minusSeconds(60), payload -> {
                ArrayNode filesystems = payload.putArray("filesystems");
                filesystems.addObject().put("filesystem_name", "scratch").put("available", true)
                        .put("utilization_percent", 50 + day);
                filesystems.addObject().put("filesystem_name", "home").put("available", true).put("utilization_percent", 70);
            });
        }
        rollups.rollUp(1000);
        String page = given().get("/status/summit").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<td data-label=\"Full at this pace\">in 41 days (+1.00 % a day)</td>"), page);
        assertTrue(page.contains("<td data-label=\"Full at this pace\">not growing</td>"), "home stays at 70 %");
    }

    @Test
    void partitionsAndNodeTypesHaveTheirOwnPages() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post("laramie", now.minus(Duration.ofMinutes(20)), 50, 1);
        post("laramie", now.minus(Duration.ofMinutes(15)), 50, 1);
        String system = given().get("/status/laramie").then().statusCode(200).extract().asString();
        assertTrue(system.contains("<a href=\"/status/laramie/partitions/cpu\">CPU nodes</a>"), system);
        String cpu = given().get("/status/laramie/partitions/cpu?range=24h").then().statusCode(200).extract().asString();
        assertTrue(cpu.contains("<title id=\"laramie-0-title\">CPU nodes, last 24 hours</title>"), cpu);
        assertTrue(cpu.contains("idle: 1,850"), cpu);
        given().get("/status/laramie/partitions/viz").then().statusCode(400).body(containsString("has no partition &#39;viz&#39;"));

        Seeds.casperShaped("izumi", now.minus(Duration.ofMinutes(10)));
        String casper = given().get("/status/izumi").then().statusCode(200).extract().asString();
        String link = casper.substring(casper.indexOf("/status/izumi/node-types/"));
        link = link.substring(0, link.indexOf('"'));
        String type = given().get(link).then().statusCode(200).extract().asString();
        assertTrue(type.contains("Nodes, last 24 hours</title>") && type.contains("Utilization, last 24 hours</title>"), type);
        given().get("/status/izumi/node-types/nosuch").then().statusCode(400).body(containsString("no node type &#39;nosuch&#39;"));
    }

    @Test
    void theLoadByUserAndProjectIsShownOnlyToThoseWhoMaySeeIt() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        post("tarn", now.minus(Duration.ofMinutes(5)), 50, 1);
        String insert = "INSERT INTO user_load_span (system_id, username, project_code, queue_name, cores_allocated,"
                + " first_seen, last_seen) SELECT system_id, '%s', '%s', 'main', %d, TIMESTAMP '%s', TIMESTAMP '%s'"
                + " FROM hpc_system WHERE name = 'tarn';\n";
        data.runSql(String.format(insert, "alice", "P100", 100, sql(now.minus(Duration.ofHours(3))), sql(now.minus(Duration.ofHours(1))))
                + String.format(insert, "bob", "P100", 10, sql(now.minus(Duration.ofHours(30))), sql(now.minus(Duration.ofHours(26))))
                + String.format(insert, "carol", "P200", 20, sql(now.minus(Duration.ofHours(2))), sql(now.minus(Duration.ofHours(1)))));
        String admin = given().auth().preemptive().basic(TestData.ADMIN, TestData.OTHER_PASSWORD).get("/status/tarn")
                .then().statusCode(200).extract().asString();
        assertTrue(admin.contains("Load by user and by project, last 24 hours"), admin);
        // alice: 100 cores for 2 h and one post's 5 minutes; carol 20 for 1 h 5 min; bob's span lies outside the day.
        assertTrue(admin.contains("<tr><th scope=\"row\">alice</th><td data-label=\"Core-hours\">208</td>"), admin);
        assertTrue(admin.contains("<tr><th scope=\"row\">carol</th><td data-label=\"Core-hours\">22</td>"), admin);
        assertTrue(!admin.contains(">bob</th>"), admin);
        assertTrue(admin.contains("<tr><th scope=\"row\">P100</th><td data-label=\"Core-hours\">208</td>"), admin);
        String week = given().auth().preemptive().basic(TestData.ADMIN, TestData.OTHER_PASSWORD).get("/status/tarn?range=7d")
                .then().statusCode(200).extract().asString();
        assertTrue(week.contains("<tr><th scope=\"row\">bob</th><td data-label=\"Core-hours\">41</td>"), week);
        String everyone = given().get("/status/tarn").then().statusCode(200).extract().asString();
        assertTrue(!everyone.contains("userload-heading") && !everyone.contains("alice"), "personal data stays private");
    }

    @Test
    void anyRangeGivesAtMostAbout500Points() {
        Instant now = Instant.now();
        for (Duration span : List.of(Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(30), Duration.ofDays(365),
                Duration.ofDays(5 * 365))) {
            HistoryQuery plan = HistoryQuery.plan(now.minus(span), now, now.minus(Duration.ofDays(35)),
                    now.minus(Duration.ofDays(400)));
            assertTrue(plan.slots() <= HistoryQuery.MAX_POINTS + 1, span + ": " + plan);
        }
        assertEquals(HistoryQuery.Source.HOURLY, HistoryQuery.plan(now.minus(Duration.ofDays(30)), now,
                now.minus(Duration.ofDays(35)), now.minus(Duration.ofDays(400))).source());
        // Raw data older than its window is gone: a day long ago is read from the hourly summaries.
        assertEquals(HistoryQuery.Source.HOURLY, HistoryQuery.plan(now.minus(Duration.ofDays(60)),
                now.minus(Duration.ofDays(59)), now.minus(Duration.ofDays(35)), now.minus(Duration.ofDays(400))).source());
    }

    @Test
    void badParametersAre400sNamingThem() {
        given().get("/api/v1/status/gust/history").then().statusCode(400).body("error", containsString("metric is required"));
        given().queryParam("metric", "cpu_utilisation").get("/api/v1/status/gust/history").then().statusCode(400)
                .body("error", containsString("metric 'cpu_utilisation' is not a number"));
        given().queryParam("metric", "pending_jobs").queryParam("from", "yesterday").get("/api/v1/status/gust/history")
                .then().statusCode(400).body("error", containsString("from must be an ISO-8601 instant"));
        given().queryParam("metric", "pending_jobs").queryParam("from", "2026-12-02T00:00:00Z")
                .queryParam("to", "2026-12-01T00:00:00Z").get("/api/v1/status/gust/history").then().statusCode(400)
                .body("error", containsString("must be before to"));
        given().queryParam("metric", "pending_jobs").queryParam("queue", "nosuch").get("/api/v1/status/gust/history")
                .then().statusCode(400).body("error", containsString("queue 'nosuch'"));
        given().queryParam("metric", "pending_jobs").queryParam("queue", "main").queryParam("filesystem", "x")
                .get("/api/v1/status/gust/history").then().statusCode(400).body("error", containsString("one of"));
        given().queryParam("metric", "pending_jobs").get("/api/v1/status/nowhere/history").then().statusCode(404);
    }

    @Test
    void retentionDeletesOnlyWhatIsOlderThanItsWindowInBatches() {
        Instant now = Instant.now();
        // 25 old snapshots (three batches of 10), one inside the window, and the newest: the latest pointer's.
        for (int i = 0; i < 25; i++) {
            post("quiet-cluster", now.minus(Duration.ofDays(36)).plusSeconds(300L * i), 5, 1);
        }
        post("quiet-cluster", now.minus(Duration.ofDays(34)), 6, 2);
        // Summaries just inside and just outside their windows, and a user's load span long over.
        data.runSql("INSERT INTO rollup (system_id, resolution, bucket_start, scope, scope_name, metric, samples,"
                + " min_value, max_value, sum_value) SELECT system_id, 'h', TIMESTAMP '" + sql(now.minus(Duration.ofDays(401)))
                + "', 'system', '', 'pending_jobs', 1, 1, 1, 1 FROM hpc_system WHERE name = 'quiet-cluster';\n"
                + "INSERT INTO rollup (system_id, resolution, bucket_start, scope, scope_name, metric, samples,"
                + " min_value, max_value, sum_value) SELECT system_id, 'h', TIMESTAMP '" + sql(now.minus(Duration.ofDays(399)))
                + "', 'system', '', 'pending_jobs', 1, 1, 1, 1 FROM hpc_system WHERE name = 'quiet-cluster';\n"
                + "INSERT INTO user_load_span (system_id, username, project_code, queue_name, first_seen, last_seen)"
                + " SELECT system_id, 'someone', 'P1', 'main', TIMESTAMP '" + sql(now.minus(Duration.ofDays(120)))
                + "', TIMESTAMP '" + sql(now.minus(Duration.ofDays(91))) + "' FROM hpc_system WHERE name = 'quiet-cluster';\n");
        Retention.Deleted deleted = retention.run();
        assertEquals(25, deleted.rows().get("snapshots"));
        assertEquals(1, deleted.rows().get("hourly"));
        assertEquals(1, deleted.rows().get("user_load_spans"));
        assertEquals(1L, count("SELECT COUNT(*) FROM status_snapshot s JOIN hpc_system h ON h.system_id = s.system_id"
                + " WHERE h.name = 'quiet-cluster'"), "the snapshot inside the window stays");
        assertEquals(0L, count("SELECT COUNT(*) FROM queue_status q LEFT JOIN status_snapshot s ON s.snapshot_id ="
                + " q.snapshot_id WHERE s.snapshot_id IS NULL"), "no child row outlives its snapshot");
        assertEquals(1L, count("SELECT COUNT(*) FROM rollup WHERE resolution = 'h' AND metric = 'pending_jobs'"
                + " AND scope = 'system' AND bucket_start < TIMESTAMP '" + sql(now.minus(Duration.ofDays(300))) + "'"));
        // The latest pointer's snapshot stays, however old.
        given().get("/api/v1/status/quiet-cluster/latest").then().statusCode(200);
        assertEquals(0, retention.run().rows().get("snapshots"), "a second run finds nothing more");
    }
}
