package org.hpcstatus.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PBS source on PBS Pro 2022's JSON for a small Derecho (see {@link FakePbs}), through the collector's --print. */
class PbsCollectorTests {

    @TempDir
    Path dir;

    @Test
    void derechoOnPbsReadsAsAnOperatorMeansIt() throws IOException {
        JsonNode p = collect(false);
        // dec0001 job-busy, dec0002 free, dec0003 down+offline, dec0004 offline but still running a job (draining),
        // dec0005 in a reservation; deg0001 job-busy, deg0002 state-unknown+down.
        assertCounts(p, "cpu", 5, 1, 1, 1);
        assertCounts(p, "gpu", 2, 0, 1, 0);
        assertEquals(768, p.get("cpu_cores_total").asInt());
        assertEquals(128 + 64 + 16, p.get("cpu_cores_allocated").asInt());
        assertEquals(128 + 64 + 48, p.get("cpu_cores_idle").asInt(), "only nodes that can run jobs have idle cores");
        assertEquals(27.1, p.get("cpu_utilization_percent").asDouble());
        assertEquals(8, p.get("gpu_count_total").asInt());
        assertEquals(2, p.get("gpu_count_allocated").asInt());
        assertEquals(25.0, p.get("gpu_utilization_percent").asDouble());

        assertEquals(3, p.get("running_jobs").asInt());
        assertEquals(3, p.get("pending_jobs").asInt(), "the queued job and the array's two queued subjobs");
        assertEquals(1, p.get("held_jobs").asInt());
        assertEquals(3, p.get("active_users").asInt());

        JsonNode cpu = row(p.get("queues"), "queue_name", "cpu");
        assertEquals(1, cpu.get("running_jobs").asInt());
        assertEquals(3, cpu.get("pending_jobs").asInt());
        assertEquals(256, cpu.get("cores_allocated").asInt());
        assertEquals(2, cpu.get("nodes_allocated").asInt());
        assertEquals(512 + 256, cpu.get("cores_pending").asInt());
        assertWaits(cpu, 1, 15, 15);
        assertWaits(row(p.get("queues"), "queue_name", "cpudev"), 2, 2, 10);  // a running and a finished job
        JsonNode gpu = row(p.get("queues"), "queue_name", "gpu");
        assertEquals(2, gpu.get("gpus_allocated").asInt());
        assertEquals(4, gpu.get("gpus_held").asInt());
        assertWaits(gpu, 1, 40, 40);

        JsonNode system = row(p.get("queue_definitions"), "queue_name", "system");
        assertEquals(false, system.get("enabled").asBoolean());
        assertEquals("Route", row(p.get("queue_definitions"), "queue_name", "main").get("queue_type").asText());

        List<String> ids = new ArrayList<>();
        p.get("reservations").forEach(r -> ids.add(r.get("reservation_id").asText() + "/" + r.get("reservation_name")
                .asText() + "/" + r.get("node_count").asInt()));
        assertEquals(List.of("M5121301.desched1/MONTHLY_MAINTENANCE/1", "M5121302.desched1/MONTHLY_MAINTENANCE/5"), ids);

        JsonNode carol = row(p.get("user_project_queues"), "username", "carol");
        assertEquals("UCB0003", carol.get("project_code").asText());
        assertEquals(1, carol.get("running_jobs").asInt());
        assertEquals(1, carol.get("held_jobs").asInt());
    }

    @Test
    void aFailedNodeQuerySendsNullsNeverZeros() throws IOException {
        JsonNode p = collect(true);
        for (String field : List.of("cpu_nodes_total", "cpu_nodes_available", "gpu_nodes_total", "gpu_nodes_available")) {
            assertTrue(p.has(field) && p.get(field).isNull(), field + " should be sent as null, got " + p.get(field));
        }
        assertTrue(!p.has("cpu_nodes_down") && !p.has("cpu_cores_total"), p.toString());
        assertEquals(3, p.get("running_jobs").asInt(), "the rest is still collected");
    }

    @Test
    void theContractSaysWhatTheServiceWouldNotTake() throws IOException {
        JsonNode payload = new ObjectMapper().readTree("""
                {"timestamp": "2026-12-07T10:00:00Z", "cpu_nodes_total": 10, "cpu_nodes_available": 1.5,
                 "gpu_nodes_total": null, "gpu_nodes_available": 0, "running_jobs": 3, "pending_jobs": 4,
                 "cpu_utilisation_percent": 50,
                 "login_nodes": [{"node_name": "d1", "node_type": "visualisation", "available": true}]}
                """);
        assertEquals(List.of("cpu_nodes_available is not a count: 1.5",
                "cpu_utilisation_percent is not a field of the service's",
                "login_nodes[0].node_type is not a text: \"visualisation\""),
                Contract.load().problems("cluster", payload));
        assertEquals(List.of("active_users missing"), Contract.load().problems("jupyterhub", new ObjectMapper()
                .readTree("{\"timestamp\": \"2026-12-07T10:00:00Z\", \"active_sessions\": 1}")));
    }

    private JsonNode collect(boolean pbsnodesFails) throws IOException {
        Path bin = FakePbs.install(dir.resolve("bin"), pbsnodesFails);
        Path config = dir.resolve("collector.yaml");
        Files.writeString(config, """
                service: {url: "http://127.0.0.1:9", credentials_file: none}
                system: {name: derecho, kind: cluster}
                scheduler: pbs
                cpu_partitions: [cpu, cpudev]
                gpu_partitions: [gpu, gpudev]
                commands: {path: [%s]}
                """.formatted(bin));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CollectorMain.run(new String[] {"--config", config.toString(), "--print"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC());
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        assertTrue(!err.toString(StandardCharsets.UTF_8).contains("NOT AS THE SERVICE DEFINES IT"), err.toString());
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    static void assertCounts(JsonNode p, String prefix, int total, int available, int down, int reserved) {
        assertEquals(List.of(total, available, down, reserved), List.of(p.get(prefix + "_nodes_total").asInt(),
                p.get(prefix + "_nodes_available").asInt(), p.get(prefix + "_nodes_down").asInt(),
                p.get(prefix + "_nodes_reserved").asInt()), prefix + " nodes: total, available (idle), down, reserved");
    }

    static void assertWaits(JsonNode queue, int started, int median, int p90) {
        assertEquals(List.of(started, median, p90), List.of(queue.get("jobs_started_last_hour").asInt(),
                queue.get("wait_median_minutes").asInt(), queue.get("wait_p90_minutes").asInt()),
                queue.get("queue_name") + ": started, median, p90");
    }

    static JsonNode row(JsonNode array, String key, String value) {
        for (JsonNode row : array) {
            if (value.equals(row.path(key).asText())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + key + "=" + value + " in " + array);
    }
}
