package org.hpcstatus.collector;

import static org.hpcstatus.support.Requests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hpcstatus.support.Browser;
import org.hpcstatus.support.TestData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The collector against a real Slurm: the private test cluster of src/test/slurm/cluster.sh (six nodes that run,
 * two that never registered, a drained one, a reservation, running, pending, held and array jobs, finished jobs with
 * waits), started by .ci/run, which exports its SLURM_CONF. The collector posts to this service; what is stored
 * and shown is checked against what Slurm's own commands say. Skipped where no such cluster runs, unless
 * HPCSTATUS_REQUIRE_SLURM=1 (as in CI), which makes its absence a failure.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmCollectorTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL service;

    @Inject
    TestData data;

    @TempDir
    static Path dir;

    @BeforeAll
    static void aSlurmClusterRuns() {
        String conf = System.getenv("SLURM_CONF");
        boolean up = conf != null && Files.exists(Path.of(conf)) && run("sinfo", "-h").exit == 0;
        if ("1".equals(System.getenv("HPCSTATUS_REQUIRE_SLURM"))) {
            assertTrue(up, "HPCSTATUS_REQUIRE_SLURM=1 but no Slurm cluster answers (SLURM_CONF=" + conf + ")");
        }
        Assumptions.assumeTrue(up, "no test Slurm cluster: start one with bash src/test/slurm/cluster.sh start");
    }

    @Test
    @Order(1)
    void thePostedSnapshotIsWhatSlurmSays() throws IOException {
        Outcome run = collect(config(service.toString(), 3, ""), "--verbose");
        assertEquals(0, run.status, run.err);
        assertTrue(run.err.contains("\"ignored_fields\":[]"), "every field the collector sends is the service's: " + run.err);
        assertFalse(run.err.contains("NOT AS THE SERVICE DEFINES IT"), run.err);

        JsonNode latest = JSON.readTree(asAdmin().get("/api/v1/status/slurmtest/latest").then().statusCode(200)
                .extract().asString());
        // What Slurm itself says, asked differently: per-node states, and jobs one line per array task.
        Map<String, String> states = new TreeMap<>();
        for (String line : run("sinfo", "-h", "-N", "-o", "%N %T").out.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            states.put(f[0], f[1]);
        }
        assertEquals("drained", states.get("cpu03"));
        assertEquals("unknown*", states.get("cpu05"), "a node that never registered");
        assertEquals("reserved", states.get("gpu02"));
        long cpuIdle = states.entrySet().stream().filter(e -> e.getKey().startsWith("cpu") && e.getValue().equals("idle"))
                .count();
        assertEquals(List.of(6, (int) cpuIdle, 3, 0), nodes(latest, "cpu"),
                "cpu03 drained and cpu05-06 never registered are down, never idle");
        assertEquals(List.of(2, 0, 0, 1), nodes(latest, "gpu"), "gpu01 runs a job, gpu02 is reserved");

        List<String> jobs = run("squeue", "-h", "-r", "-o", "%P %T %r").out.lines().toList();
        long running = jobs.stream().filter(j -> j.contains(" RUNNING ")).count();
        long held = jobs.stream().filter(j -> j.contains(" PENDING JobHeld")).count();
        long pending = jobs.stream().filter(j -> j.contains(" PENDING ")).count() - held;
        assertEquals(List.of(running, pending, held), List.of(latest.get("running_jobs").asLong(),
                latest.get("pending_jobs").asLong(), latest.get("held_jobs").asLong()));
        assertTrue(running >= 3 && pending >= 5 && held == 1, jobs.toString());
        JsonNode main = PbsCollectorTests.row(latest.get("queues"), "queue_name", "main");
        assertEquals(jobs.stream().filter(j -> j.startsWith("main PENDING")).count(), main.get("pending_jobs").asLong(),
                "the array's four pending tasks count one by one");
        JsonNode gpu = PbsCollectorTests.row(latest.get("queues"), "queue_name", "gpu");
        assertEquals(2, gpu.get("gpus_allocated").asInt());
        assertEquals(1, gpu.get("gpus_held").asInt());

        // Waits of the jobs that started in the last hour, from accounting.
        Map<String, List<Long>> waits = new TreeMap<>();
        for (String line : run("sacct", "-a", "-X", "-n", "-P", "-S", "now-1hour", "-E", "now", "-s",
                "R,CD,F,TO,CA,PR,NF,OOM", "--format=Partition,Submit,Start").out.lines().toList()) {
            String[] f = line.split("\\|");
            waits.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Duration.between(LocalDateTime.parse(f[1]),
                    LocalDateTime.parse(f[2])).toMinutes());
        }
        JsonNode develop = PbsCollectorTests.row(latest.get("queues"), "queue_name", "develop");
        List<Long> developWaits = waits.get("develop").stream().sorted().toList();
        assertTrue(developWaits.size() >= 4, "populate ran short jobs behind a full partition: " + waits);
        PbsCollectorTests.assertWaits(develop, developWaits.size(), developWaits.get((developWaits.size() + 1) / 2 - 1)
                .intValue(), developWaits.get((int) Math.ceil(0.9 * developWaits.size()) - 1).intValue());

        JsonNode workshop = PbsCollectorTests.row(latest.get("reservations"), "reservation_name", "workshop");
        assertEquals(1, workshop.get("node_count").asInt());
        JsonNode alice = PbsCollectorTests.row(latest.get("user_project_queues"), "username", "alice");
        assertEquals("ncar0001", alice.get("project_code").asText());

        String page = RestAssured.get("/status/slurmtest").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<strong>develop</strong>: jobs that started in the last hour waited a median "), page);
        assertFalse(page.contains("node data missing"), page);
        if (new File("/usr/bin/chromium").canExecute() && new File("/usr/bin/chromedriver").canExecute()) {
            ChromeDriver browser = Browser.start();
            try {
                browser.get(service + "status/slurmtest");
                Browser.fullPageScreenshot(browser, "slurm-test-cluster");  // target/screenshots/
                assertTrue(browser.getPageSource().contains("How long jobs waited"));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    @Order(2)
    void aSlurmControllerThatDoesNotAnswerPostsNoInventedZeros() throws IOException {
        // sinfo, squeue and scontrol of a cluster whose controller does not answer: the real commands, pointed at
        // a configuration whose controller port nobody listens on.
        Path bin = Files.createDirectories(dir.resolve("unreachable"));
        Path conf = bin.resolve("slurm.conf");
        Files.writeString(conf, Files.readString(Path.of(System.getenv("SLURM_CONF")))
                .replaceAll("(?m)^SlurmctldPort=.*$", "SlurmctldPort=9"));
        for (String command : List.of("sinfo", "squeue", "scontrol", "sacct")) {
            Path script = bin.resolve(command);
            Files.writeString(script, "#!/bin/sh\nSLURM_CONF='" + conf + "' exec /usr/bin/" + command + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Outcome run = collect(config(service.toString(), 3, "commands: {timeout_seconds: 3, path: [" + bin + "]}\n"));
        assertEquals(0, run.status, run.err);
        assertTrue(run.err.contains("not collected: node counts"), run.err);

        JsonNode latest = JSON.readTree(asAdmin().get("/api/v1/status/slurmtest/latest").then().statusCode(200)
                .extract().asString());
        assertTrue(latest.get("cpu_nodes_total").isNull() && latest.get("running_jobs").isNull(), latest.toString());
        JsonNode summary = PbsCollectorTests.row(JSON.readTree(RestAssured.get("/api/v1/status/summary").then()
                .statusCode(200).extract().asString()).get("systems"), "system", "slurmtest");
        assertFalse(summary.get("state").asText().equals("down"), summary.toString());
        assertTrue(summary.get("notes").toString().contains("Node data missing"), summary.toString());
        String page = RestAssured.get("/status/slurmtest").then().statusCode(200).extract().asString();
        assertTrue(page.contains("node data missing"), page);
    }

    @Test
    @Order(3)
    void aPostTheServiceCouldNotTakeIsSpooledAndDeliveredFirstNextTime() throws Exception {
        long before = data.count("SELECT COUNT(*) FROM status_snapshot s JOIN hpc_system h ON h.system_id = s.system_id"
                + " WHERE h.name = 'slurmtest'");
        Outcome down = collect(config("http://127.0.0.1:9", 1, ""));
        assertEquals(3, down.status, down.err);
        assertTrue(down.err.contains("spooled in"), down.err);
        try (var files = Files.list(dir.resolve("spool"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".post")).count());
        }
        TimeUnit.MILLISECONDS.sleep(1100);  // the next snapshot is a second later: its own timestamp
        Outcome up = collect(config(service.toString(), 3, ""));
        assertEquals(0, up.status, up.err);
        assertTrue(up.err.contains("spool: 1 of 1 delivered, oldest first"), up.err);
        assertEquals(before + 2, data.count("SELECT COUNT(*) FROM status_snapshot s JOIN hpc_system h"
                + " ON h.system_id = s.system_id WHERE h.name = 'slurmtest'"));
        try (var files = Files.list(dir.resolve("spool"))) {
            assertEquals(0, files.filter(f -> f.toString().endsWith(".post")).count());
        }
    }

    private Path config(String url, int attempts, String more) throws IOException {
        Path credentials = dir.resolve("collector.credentials");
        Files.writeString(credentials, TestData.COLLECTOR + ":" + TestData.COLLECTOR_PASSWORD + "\n");
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        Path config = dir.resolve("collector.yaml");
        Files.writeString(config, """
                service: {url: "%s", credentials_file: collector.credentials, attempts: %d}
                system: {name: slurmtest, kind: cluster}
                scheduler: slurm
                cpu_partitions: [main, develop]
                gpu_partitions: [gpu]
                login_nodes: [{name: login1}]
                filesystems: [{name: scratch, path: /tmp}]
                spool: {directory: spool}
                """.formatted(url, attempts) + more);
        return config;
    }

    private record Outcome(int status, String out, String err) {
    }

    private static Outcome collect(Path config, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--config", config.toString()));
        args.addAll(List.of(options));
        int status = CollectorMain.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static List<Integer> nodes(JsonNode latest, String prefix) {
        return List.of(latest.get(prefix + "_nodes_total").asInt(), latest.get(prefix + "_nodes_available").asInt(),
                latest.get(prefix + "_nodes_down").asInt(), latest.get(prefix + "_nodes_reserved").asInt());
    }

    private record Ran(int exit, String out) {
    }

    private static Ran run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Ran(process.waitFor(), out);
        } catch (IOException e) {
            return new Ran(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Ran(-1, "interrupted");
        }
    }
}
