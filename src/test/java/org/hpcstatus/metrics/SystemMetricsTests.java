package org.hpcstatus.metrics;

import static io.restassured.RestAssured.get;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.live.BoardWatch;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;

/** Per-system gauges and post counters on /q/metrics as a Prometheus scrape reads them; system meter. */
@QuarkusTest
class SystemMetricsTests {

    @Inject
    TestClock clock;

    @Inject
    BoardWatch watch;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String scrape() {
        return get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the one series with exactly these labels (in Prometheus' alphabetical order). */
    private static double value(String metrics, String series) {
        return Arrays.stream(metrics.split("\n")).filter(line -> line.startsWith(series + " ")).findFirst()
                .map(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElseThrow(() -> new AssertionError("no series " + series));
    }

    private static double valueOr0(String metrics, String series) {
        return metrics.contains("\n" + series + " ") ? value(metrics, series) : 0;
    }

    @Test
    void aScrapeHasTheSystemsStateNodesJobsQueuesFilesystemsLoginNodesAndPosts() {
        String before = scrape();
        double accepted = valueOr0(before, "hpcstatus_posts_total{outcome=\"accepted\",system=\"meter\"}");
        double rejected = valueOr0(before, "hpcstatus_posts_total{outcome=\"rejected\",system=\"meter\"}");
        var at = Seeds.nextCurrent(clock);
        Seeds.cluster("meter", at, p -> { });
        asCollector().body("{}").post("/api/v1/status/meter").then().statusCode(400);
        watch.look();
        clock.freezeAt(at.plusSeconds(30));
        watch.look();
        String m = scrape();
        assertEquals(1, value(m, "hpcstatus_system_state{state=\"operational\",system=\"meter\"}"));
        assertEquals(0, value(m, "hpcstatus_system_state{state=\"down\",system=\"meter\"}"));
        assertEquals(30, value(m, "hpcstatus_snapshot_age_seconds{system=\"meter\"}"));
        assertEquals(1850, value(m, "hpcstatus_nodes{partition=\"cpu\",state=\"idle\",system=\"meter\"}"));
        assertEquals(2488 - 1850 - 15 - 623, value(m, "hpcstatus_nodes{partition=\"cpu\",state=\"busy\",system=\"meter\"}"));
        assertEquals(76.2, value(m, "hpcstatus_utilization_percent{resource=\"cpu\",system=\"meter\"}"));
        assertEquals(1245, value(m, "hpcstatus_jobs{state=\"running\",system=\"meter\"}"));
        assertTrue(m.contains("hpcstatus_queue_jobs{queue=\"main\",state=\"pending\",system=\"meter\"}"), m);
        assertTrue(m.contains("hpcstatus_queue_allocated{queue=\"main\",resource=\"cores\",system=\"meter\"}"), m);
        assertTrue(m.contains("hpcstatus_filesystem_utilization_percent{filesystem="), m);
        assertTrue(m.contains("hpcstatus_login_node_available{login_node="), m);
        assertEquals(accepted + 1, value(m, "hpcstatus_posts_total{outcome=\"accepted\",system=\"meter\"}"));
        assertEquals(rejected + 1, value(m, "hpcstatus_posts_total{outcome=\"rejected\",system=\"meter\"}"));
        assertTrue(m.contains("hpcstatus_outages_active{severity=\"critical\"}"), m);
    }

    @Test
    void aCollectorPostingThousandsOfQueueNamesGetsAHundredSeriesAtMost() {
        Seeds.cluster("meter", Seeds.nextCurrent(clock), p -> {
            ArrayNode queues = p.putArray("queues");
            for (int i = 0; i < 1000; i++) {
                ObjectNode q = queues.addObject();
                q.put("queue_name", "invented-" + i);
                q.put("running_jobs", i);
                q.put("pending_jobs", 0);
                q.put("held_jobs", 0);
            }
        });
        watch.look();
        long series = Arrays.stream(scrape().split("\n"))
                .filter(l -> l.startsWith("hpcstatus_queue_jobs{") && l.contains("system=\"meter\"") && l.contains("state=\"running\""))
                .count();
        assertEquals(SystemMetrics.MAX_NAMES, series);
    }

    /** HELP may escape only backslash and newline: a {@code \"} makes Telegraf or promtool refuse the whole scrape. */
    @Test
    void everyHelpLineIsOneStrictParsersRead() {
        asCollector().body("{}").post("/api/v1/status/meter").then().statusCode(400); // registers the posts counter
        String m = scrape();
        assertTrue(m.contains("# HELP system_cpu_usage The 'recent cpu usage'"), "Micrometer's quoted description, plain");
        assertTrue(m.contains("# HELP hpcstatus_posts Snapshot posts per system and outcome"), m);
        Arrays.stream(m.split("\n")).filter(l -> l.startsWith("# HELP "))
                .forEach(l -> assertTrue(l.replace("\\\\", "").replace("\\n", "").indexOf('\\') < 0, l));
    }

    @Test
    void everyMetricTheGrafanaDashboardQueriesIsInTheScrape() throws Exception {
        Seeds.cluster("meter", Seeds.nextCurrent(clock),
                p -> ((ObjectNode) p.withArray("queues").get(0)).put("cores_pending", 5000).put("gpus_pending", 8));
        watch.look();
        String m = scrape();
        String dashboard = Files.readString(Path.of("docker/grafana/hpc-status-dashboard.json"));
        var queried = Pattern.compile("hpcstatus_[a-z_]+").matcher(dashboard).results()
                .map(MatchResult::group).distinct().toList();
        assertTrue(queried.size() >= 10, "the dashboard's metrics: " + queried);
        for (String metric : queried) {
            assertTrue(m.contains("\n" + metric + "{") || m.contains("\n" + metric + " "), metric + " is not in the scrape");
        }
    }
}
