package org.hpcstatus.dashboard;

import static io.restassured.RestAssured.get;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/**
 * What a day with the deployed collectors showed to be untrue on the pages, each case posted as those collectors post
 * it: a hub without GPUs, a failed node query, shared nodes, broken sessions.
 */
@QuarkusTest
class TruthfulScreensTests {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static String page(String path) {
        return get(path).then().statusCode(200).extract().asString().replaceAll("\\s+", " ");
    }

    private void postHub(java.util.function.Consumer<ObjectNode> edit) {
        ObjectNode payload = TestData.payload("deployed/jupyterhub");
        payload.put("timestamp", Seeds.nextCurrent(clock).toString());
        edit.accept(payload);
        asCollector().body(payload.toString()).post("/api/v1/status/truth-hub").then().statusCode(201);
    }

    /** A hub whose nodes have no GPUs reported "GPU 0 of 0": a bar with nothing to measure is not drawn. */
    @Test
    void aBarWithATotalOfZeroIsNotDrawn() {
        postHub(p -> p.put("gpus_total", 0).put("gpus_used", 0).put("gpus_free", 0).put("gpu_utilization_percent", 0));
        String page = page("/status/truth-hub");
        assertFalse(page.contains("aria-label=\"GPU utilization\""), page);
        assertTrue(page.contains("aria-label=\"CPU utilization\""), page);
    }

    /** The deployed hub collector sends no "available": what it did report says whether the hub answers. */
    @Test
    void aHubIsJudgedByWhatItsCollectorSawAndBrokenSessionsAreCalledSo() {
        postHub(p -> p.put("jobs_suspended", 4));
        String page = page("/status/truth-hub");
        assertTrue(page.contains("<dt>JupyterHub</dt><dd>Up</dd>"), page);
        assertFalse(page.contains("Suspended"), page);
        assertTrue(page.contains("Broken sessions (no job id or state)"), page);

        postHub(p -> p.put("active_users", 0).put("active_sessions", 0).put("jobs_running", 0).put("nodes_total", 0)
                .put("nodes_free", 0).put("nodes_busy", 0).put("nodes_down", 0));
        assertTrue(page("/status/truth-hub").contains("<dt>JupyterHub</dt><dd>Not reported</dd>"));
    }

    /**
     * Casper with pbsnodes failing: every node and core count 0. Not "0.0 %, 0 of 0 cores", and not a 0 in the
     * history: missing, a gap.
     */
    @Test
    void aFailedNodeQueryIsMissingDataNotZero() {
        ObjectNode payload = TestData.payload("deployed/casper");
        Instant at = Seeds.nextCurrent(clock);
        payload.put("timestamp", at.toString());
        List<String> names = new ArrayList<>();
        payload.fieldNames().forEachRemaining(names::add);
        names.stream().filter(n -> n.matches("(cpu|gpu|viz)_(nodes|cores|count)_.*|memory_.*|.*_utilization_percent"))
                .forEach(n -> payload.put(n, 0));
        asCollector().body(payload.toString()).post("/api/v1/status/truth-casper").then().statusCode(201);

        String page = page("/status/truth-casper");
        assertTrue(page.contains("Node data missing"), page);
        // What the service did with the zeros is said as what it is, not as a clock problem.
        assertTrue(page.contains("About the latest post: Every node count was 0 (the node query failed): cpu_nodes_*,"
                + " gpu_nodes_*, viz_nodes_*, compute_nodes_*, cpu_cores_*, gpu_count_*, viz_count_*, memory_* stored as"
                + " not collected"), page);
        assertFalse(page.contains("clock"), page);
        assertFalse(page.contains("0 of 0"), page);
        assertFalse(page.contains(">0.0%<"), page);
        String card = page("/").replaceAll(".*aria-labelledby=\"card-truth-casper\"", "");
        assertFalse(card.substring(0, card.indexOf("</article>")).contains("0.0%"), card);
        for (String metric : List.of("cpu_utilization_percent", "compute_nodes_total", "cpu_nodes_available")) {
            List<Object> values = get("/api/v1/status/truth-casper/history?metric=" + metric + "&from="
                    + at.minusSeconds(60) + "&to=" + at.plusSeconds(60)).then().statusCode(200).extract().jsonPath()
                    .getList("points.value");
            assertTrue(values.stream().allMatch(v -> v == null), metric + ": " + values);
        }
    }

    /** Casper's nodes are shared: its "available" nodes have free cores, and many of them run jobs. */
    @Test
    void sharedNodesAreCountedAsWithFreeCoresNotIdle() {
        Seeds.post("truth-shared", "deployed/casper", Seeds.nextCurrent(clock));
        String page = page("/status/truth-shared");
        assertTrue(page.contains("<th scope=\"col\">Full</th><th scope=\"col\">With free cores</th>"), page);
        assertTrue(page.contains("Jobs share these nodes"), page);
        assertFalse(page.contains("Idle nodes have no job"), page);
        String overview = page("/");
        String card = overview.substring(overview.indexOf("aria-labelledby=\"card-truth-shared\""));
        card = card.substring(0, card.indexOf("</article>"));
        assertTrue(card.contains("with free cores") && !card.contains(" idle"), card);
        // An exclusive-node cluster keeps "idle".
        Seeds.cluster("truth-cluster", Seeds.nextCurrent(clock), p -> { });
        String cluster = page("/status/truth-cluster");
        assertTrue(cluster.contains("<th scope=\"col\">Busy</th><th scope=\"col\">Idle</th>"), cluster);
    }

    /**
     * Two posts in one 5-minute slot: the legend says the newer one's figure, as the table does, not their average;
     * and a chart of a single snapshot shows it as a point.
     */
    @Test
    void aLegendSaysTheLatestValueAndASingleSnapshotIsAPoint() {
        // Two instants in one 5-minute slot (slots are whole 5 minutes since the epoch), then the clock moved past
        // them, so that the chart's range holds both.
        Seeds.nextCurrentAfter(clock, Duration.ofMinutes(6));
        Instant first = Instant.ofEpochMilli(Math.floorDiv(clock.instant().toEpochMilli(), 300_000L) * 300_000L);
        Seeds.cluster("truth-chart", first.plusSeconds(10), p -> p.put("cpu_nodes_down", 22));
        clock.advance(Duration.ofMinutes(6));
        String single = firstChart(page("/status/truth-chart"));
        assertTrue(single.matches(".*<circle class=\"dot series-\\d\" cx=\"[0-9.]+\" cy=\"[0-9.]+\" r=\"3\"/>.*"),
                "a lone snapshot is drawn: " + single);
        Seeds.cluster("truth-chart", first.plusSeconds(40), p -> p.put("cpu_nodes_down", 23));
        String chart = firstChart(page("/status/truth-chart"));
        assertTrue(chart.contains("down: 23</span>"), chart);
        assertFalse(chart.contains("22.5"), chart);
    }

    /** The first history chart of a page. */
    private static String firstChart(String page) {
        int start = page.indexOf("<figure class=\"chart\">");
        assertTrue(start >= 0, "no chart");
        return page.substring(start, page.indexOf("</figure>", start));
    }

    /** The summary lists the reservations the pages show as "Upcoming"; the overview says when posts are refused. */
    @Test
    void theSummaryListsReservationsAndTheOverviewSaysPostsAreRejected() {
        ObjectNode full = TestData.payloadFor("truth-cluster", "deployed/derecho-full-machine");
        full.put("timestamp", Seeds.nextCurrent(clock).toString());
        asCollector().body(full.toString()).post("/api/v1/status/truth-cluster").then().statusCode(201);
        List<Map<String, Object>> systems = get("/api/v1/status/summary").then().statusCode(200).extract().jsonPath()
                .getList("systems");
        Map<String, Object> summary = systems.stream().filter(s -> "truth-cluster".equals(s.get("system"))).findFirst()
                .orElseThrow();
        List<?> reservations = (List<?>) summary.get("reservations");
        assertTrue(reservations.toString().contains("reservation_name=cesm-le-hackathon")
                && reservations.toString().contains("node_count=24"), summary.toString());

        clock.advance(Duration.ofSeconds(1));
        ObjectNode bad = TestData.payload("derecho-guide");
        bad.put("timestamp", Seeds.nextCurrent(clock).toString()).put("running_jobs", -1);
        asCollector().body(bad.toString()).post("/api/v1/status/truth-cluster").then().statusCode(400);
        String overview = page("/");
        String card = overview.substring(overview.indexOf("aria-labelledby=\"card-truth-cluster\""));
        card = card.substring(0, card.indexOf("</article>"));
        assertTrue(card.contains("Its collector's posts are being rejected since"), card);
    }

    /** A system first seen minutes ago: not "100.00 %" over 90 days of green cells, but what was measured. */
    @Test
    void availabilityCountsOnlyTheTimeSinceTheFirstReport() {
        Seeds.post("truth-hub", "deployed/jupyterhub", Seeds.nextCurrent(clock));
        clock.advance(Duration.ofMinutes(40));
        String page = page("/status/truth-hub");
        assertTrue(page.contains("<dt>90 days</dt><dd>100.00 % <span class=\"of\">over less than a day (data since"
                + " then)</span></dd>"), page.substring(page.indexOf("availability-heading")));
        assertTrue(page.split("<span class=\"day day-no_data\"", -1).length - 1 >= 89, "grey days before the first");
        Map<String, Object> hub = get("/api/v1/status/summary").then().extract().jsonPath()
                .getMap("systems.find { it.system == 'truth-hub' }");
        assertTrue(((Map<?, ?>) hub.get("availability_days")).get("90d") instanceof Number days
                && days.doubleValue() < 1, hub.toString());
        Map<String, Object> quiet = get("/api/v1/status/summary").then().extract().jsonPath()
                .getMap("systems.find { it.system == 'quiet' }");
        assertEquals(null, ((Map<?, ?>) quiet.get("availability_percent")).get("7d"), quiet.toString());
    }

    /**
     * The hub's API down: the deployed collector posts 0 users, 0 servers, 0 jobs, five minutes after 68, 72, 72.
     * Not a quiet hub: figures missing or a collector error, on the page and in the summary's reasons. A night that
     * winds down over several posts is no such thing.
     */
    @Test
    void figuresThatDropToZeroAtOnceAreACollectorErrorNotAQuietSystem() {
        Instant first = Seeds.nextCurrentAfter(clock, Duration.ofMinutes(5));
        ObjectNode normal = TestData.payload("deployed/jupyterhub");
        asCollector().body(normal.put("timestamp", first.toString()).toString()).post("/api/v1/status/truth-drop")
                .then().statusCode(201);
        ObjectNode zeros = TestData.payload("deployed/jupyterhub").put("active_users", 0).put("active_sessions", 0)
                .put("jobs_running", 0).put("timestamp", Seeds.nextCurrentAfter(clock, Duration.ofMinutes(5)).toString());
        List<String> warnings = asCollector().body(zeros.toString()).post("/api/v1/status/truth-drop").then()
                .statusCode(201).extract().jsonPath().getList("warnings");
        String expected = "Figures missing or collector error: active_users 68 \u2192 0, active_sessions 72 \u2192 0,"
                + " jobs_running 72 \u2192 0 in one post, 5 min after the previous";
        assertTrue(warnings.contains(expected), warnings.toString());
        String page = page("/status/truth-drop");
        assertTrue(page.contains(expected) && page.contains("Degraded"), page.substring(0, 3000));
        Map<String, Object> summary = get("/api/v1/status/summary").then().extract().jsonPath()
                .getMap("systems.find { it.system == 'truth-drop' }");
        assertTrue(((List<?>) summary.get("reasons")).contains(expected), summary.toString());

        // Winding down: 8 users, then none.
        for (int users : new int[] {8, 0}) {
            ObjectNode quiet = TestData.payload("deployed/jupyterhub").put("active_users", users)
                    .put("active_sessions", users).put("jobs_running", users)
                    .put("timestamp", Seeds.nextCurrentAfter(clock, Duration.ofMinutes(5)).toString());
            asCollector().body(quiet.toString()).post("/api/v1/status/truth-drop").then().statusCode(201)
                    .body("warnings", org.hamcrest.Matchers.empty());
        }
        assertFalse(page("/status/truth-drop").contains("Figures missing or collector error"));
    }
}
