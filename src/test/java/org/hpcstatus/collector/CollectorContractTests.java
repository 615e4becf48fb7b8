package org.hpcstatus.collector;

import static org.hpcstatus.support.Requests.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hpcstatus.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The collector's payloads are the service's contract: posted to this service, every field is known (no
 * ignored_fields), nothing is refused, and a failed node query is taken as "not collected", never as a down system.
 * The collector keeps its own field names (it runs without the service's classes); this is what keeps the two from
 * drifting apart. PBS's output here; the Slurm side in {@link SlurmCollectorTests}.
 */
@QuarkusTest
class CollectorContractTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL service;

    @TempDir
    Path dir;

    @Test
    void everyFieldOfAPbsClusterIsTheServicesAndStored() throws IOException {
        String log = collect(false);
        assertTrue(log.contains("posted: 201") && log.contains("\"ignored_fields\":[]") && log.contains("\"warnings\":[]"),
                log);
        JsonNode latest = JSON.readTree(asAdmin().get("/api/v1/status/pbstest/latest").then().statusCode(200).extract()
                .asString());
        PbsCollectorTests.assertCounts(latest, "cpu", 5, 1, 1, 1);
        PbsCollectorTests.assertWaits(PbsCollectorTests.row(latest.get("queues"), "queue_name", "cpudev"), 2, 2, 10);
        assertEquals(2, latest.get("reservations").size(), "both MONTHLY_MAINTENANCE windows, kept by their ids");
        assertEquals(4, latest.get("user_project_queues").size());
        String page = RestAssured.get("/status/pbstest").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<strong>cpudev</strong>: jobs that started in the last hour waited a median 2 min, 9 in 10"
                + " within 10 min (2 jobs)"), page);
        String queuePage = RestAssured.get("/status/pbstest/queues/gpu").then().statusCode(200).extract().asString();
        assertTrue(queuePage.contains("Jobs that started in the last hour waited <strong>a median 40 min, 9 in 10 within"
                + " 40 min (1 job)</strong>."), queuePage);
        String metric = "hpcstatus_queue_wait_minutes{quantile=\"0.9\",queue=\"cpudev\",system=\"pbstest\"} 10.0";
        String metrics = "";
        for (int i = 0; i < 50 && !metrics.contains(metric); i++) {  // set by the board watch's next look
            sleep(100);
            metrics = RestAssured.get("/q/metrics").then().extract().asString();
        }
        assertTrue(metrics.contains(metric), metrics);
    }

    @Test
    void aFailedNodeQueryIsAcceptedAsNodeDataMissingNotDown() throws IOException {
        String log = collect(true);
        assertTrue(log.contains("posted: 201") && log.contains("not collected: node counts"), log);
        JsonNode summary = PbsCollectorTests.row(JSON.readTree(RestAssured.get("/api/v1/status/summary").then()
                .statusCode(200).extract().asString()).get("systems"), "system", "pbstest");
        assertEquals("operational", summary.get("state").asText(), summary.toString());
        assertTrue(summary.get("notes").toString().contains("Node data missing"), summary.toString());
    }

    @Test
    void aLoginNodeThatDoesNotAnswerIsAnOutageUntilItAnswersAgain() throws IOException {
        String unreachable = "login_nodes: [{name: pbslogin1, ssh: pbslogin1.invalid}]\n";
        String log = collect(false, unreachable);
        assertTrue(log.contains("outage reported for pbslogin1"), log);
        JsonNode open = openOutage();
        assertEquals("pbslogin1", open.get("component").asText());
        assertEquals("minor", open.get("severity").asText());
        collect(false, unreachable);  // re-reported: the same outage, updated, not a second one
        assertEquals(open.get("outage_id"), openOutage().get("outage_id"));

        log = collect(false, "login_nodes: [{name: pbslogin1}]\n");  // answers again (on this machine)
        assertTrue(log.contains("outage resolved for pbslogin1"), log);
        JsonNode all = JSON.readTree(RestAssured.get("/api/v1/status/outages?system_name=pbstest&include_resolved=true")
                .then().statusCode(200).extract().asString());
        JsonNode resolved = PbsCollectorTests.row(all, "component", "pbslogin1");
        assertEquals("resolved", resolved.get("status").asText());
        assertEquals(1, all.findValues("component").stream().filter(c -> c.asText().equals("pbslogin1")).count());
    }

    private static JsonNode openOutage() throws IOException {
        return PbsCollectorTests.row(JSON.readTree(RestAssured.get("/api/v1/status/outages?system_name=pbstest").then()
                .statusCode(200).extract().asString()), "component", "pbslogin1");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String collect(boolean pbsnodesFails) throws IOException {
        return collect(pbsnodesFails, "");
    }

    private String collect(boolean pbsnodesFails, String more) throws IOException {
        Path bin = FakePbs.install(dir.resolve("bin"), pbsnodesFails);
        Path credentials = dir.resolve("credentials");
        Files.writeString(credentials, TestData.COLLECTOR + ":" + TestData.COLLECTOR_PASSWORD);
        Files.setPosixFilePermissions(credentials, PosixFilePermissions.fromString("rw-------"));
        Path config = dir.resolve("collector.yaml");
        Files.writeString(config, """
                service: {url: "%s", credentials_file: credentials}
                system: {name: pbstest, kind: cluster}
                scheduler: pbs
                cpu_partitions: [cpu, cpudev]
                gpu_partitions: [gpu, gpudev]
                commands: {path: [%s]}
                spool: {directory: spool}
                """.formatted(service, bin) + more);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CollectorMain.run(new String[] {"--config", config.toString()}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, status, log);
        return log;
    }
}
