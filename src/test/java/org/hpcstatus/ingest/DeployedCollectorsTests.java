package org.hpcstatus.ingest;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.empty;
import static org.hpcstatus.support.Requests.asAdmin;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.contract.Timestamps;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

/**
 * The payloads the deployed NCAR collectors send, in their exact shape (src/test/resources/payloads/deployed and the
 * predecessor's mock data from shared/compat): each is accepted with nothing ignored, and every field reads back from
 * latest as posted.
 */
@QuarkusTest
class DeployedCollectorsTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The predecessor's mock data, as shared/compat hands it over, kept with the fixtures so a clone tests alone. */
    private static final Path PREDECESSOR_MOCK = Path.of("src/test/resources/payloads/predecessor/sam_mock_data.json");

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aFullDerechoIsStoredWithNothingIgnoredAndReadsBackAsPosted() {
        roundTrip("deployed-derecho", TestData.payloadFor("deployed-derecho", "deployed/derecho-full-machine"));
    }

    @Test
    void aBusyDaysPostWithFiveThousandUserRowsIsOverOneMebibyteAndStoredWhole() {
        ObjectNode busy = TestData.payloadFor("deployed-derecho", "deployed/derecho-busy-day");
        assertEquals(5000, busy.get("user_project_queues").size());
        assertTrue(busy.toString().length() > 1024 * 1024, "over the old 1 MiB limit: " + busy.toString().length());
        JsonNode read = roundTrip("deployed-derecho", busy);
        assertEquals(5000, read.get("user_project_queues").size());
    }

    /**
     * pbsnodes failed: the collector sent every node count as 0. Stored as not collected (null), and the post says so;
     * the cores, counted by another command, are kept.
     */
    @Test
    void aDerechoWhoseNodeQueryFailedIsStoredAsNotCollected() {
        ObjectNode payload = TestData.payload("deployed/derecho-failed-node-query");
        payload.put("timestamp", Seeds.nextCurrent(clock).toString());
        List<String> warnings = asCollector().body(payload.toString()).post("/api/v1/status/deployed-derecho").then()
                .statusCode(201).extract().jsonPath().getList("warnings");
        assertEquals(List.of("Every node count was 0 (the node query failed): cpu_nodes_*, gpu_nodes_* stored as not"
                + " collected"), warnings);
        JsonNode read = json(asAdmin().get("/api/v1/status/deployed-derecho/latest").then().statusCode(200).extract()
                .asString());
        for (String field : List.of("cpu_nodes_total", "cpu_nodes_available", "gpu_nodes_total", "gpu_nodes_down")) {
            assertTrue(read.get(field).isNull(), field + ": " + read.get(field));
        }
        assertEquals(323712, read.get("cpu_cores_total").asInt());
        assertEquals(96.46, read.get("cpu_utilization_percent").asDouble());
    }

    @Test
    void casperWithNodeTypesAndTheirMemoryIsStoredWithNothingIgnored() {
        roundTrip("deployed-casper", TestData.payload("deployed/casper"));
    }

    @Test
    void theJupyterHubBreakdownAndItsNodesAreStoredWithNothingIgnored() {
        JsonNode read = roundTrip("deployed-hub", TestData.payload("deployed/jupyterhub"));
        assertTrue(read.get("available").isNull(), "not reported stays null: " + read);
        String page = get("/status/deployed-hub").then().statusCode(200).extract().asString().replaceAll("\\s+", " ");
        assertTrue(page.contains("<th scope=\"row\"><a href=\"/status/deployed-hub/partitions/hub\">Hub nodes</a></th>"
                + "<td data-label=\"Total\">6</td><td data-label=\"Full\">3</td><td data-label=\"With free cores\">2</td>"
                + " <td data-label=\"Down\">1</td>"), page);
        assertTrue(page.contains("<dt>On Casper login nodes</dt><dd>40</dd>"), page);
        assertTrue(page.contains("<dt>As Derecho batch jobs</dt><dd>3</dd>"), page);
        assertTrue(page.contains("<th scope=\"row\">crhtc53</th><td data-label=\"State\">down</td>"), page);
        // No "available" sent; 68 users and 72 servers say the hub answers.
        assertTrue(page.contains("<dt>JupyterHub</dt><dd>Up</dd>"), page);
    }

    @Test
    void thePredecessorsMockDataIsStoredWithNothingIgnored() throws IOException {
        assertTrue(Files.exists(PREDECESSOR_MOCK), "the predecessor's mock data: " + PREDECESSOR_MOCK.toAbsolutePath());
        JsonNode mock = JSON.readTree(PREDECESSOR_MOCK.toFile());
        // Its timestamps lie in 2100; the shapes are what matters, so each is posted as of now.
        roundTrip("deployed-derecho", (ObjectNode) mock.get("derecho"));
        roundTrip("deployed-casper", (ObjectNode) mock.get("casper"));
        roundTrip("deployed-hub", (ObjectNode) mock.get("jupyterhub"));
        for (JsonNode outage : mock.get("outages")) {
            ObjectNode posted = ((ObjectNode) outage.deepCopy()).put("system_name", "deployed-derecho");
            posted.put("start_time", "2026-11-24T08:15:00").put("estimated_resolution", "2026-11-25T18:00:00");
            asCollector().body(posted.toString()).post("/api/v1/status/outage").then().statusCode(201)
                    .body("ignored_fields", empty());
            asCollector().body(posted.put("status", "resolved").toString()).post("/api/v1/status/outage").then()
                    .statusCode(200);
        }
    }

    /** Posts the payload as of now, checks nothing was ignored, and compares every posted field with latest. */
    private JsonNode roundTrip(String system, ObjectNode payload) {
        payload.put("timestamp", Seeds.nextCurrent(clock).toString());
        asCollector().body(payload.toString()).post("/api/v1/status/" + system).then().statusCode(201)
                .body("ignored_fields", empty());
        JsonNode read = json(asAdmin().get("/api/v1/status/" + system + "/latest").then().statusCode(200).extract()
                .asString());
        assertSame(payload, read, "");
        return read;
    }

    /** Every field of {@code posted} is in {@code read} with the same value (numbers compared by value). */
    private static void assertSame(JsonNode posted, JsonNode read, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = posted.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = path + field.getKey();
            if (name.equals("timestamp")) {
                continue;
            }
            JsonNode got = read.get(field.getKey());
            JsonNode sent = field.getValue();
            if (sent.isNull()) {
                // A null for another kind's field (Derecho's viz_utilization_percent) is not collected: absent or null.
                assertTrue(got == null || got.isNull(), name + " reads back as not collected, got " + got);
                continue;
            }
            assertNotNull(got, name + " is read back");
            if (sent.isArray()) {
                assertEquals(sent.size(), got.size(), name + " rows");
                for (int i = 0; i < sent.size(); i++) {
                    assertSame(sent.get(i), got.get(i), name + "[" + i + "].");
                }
            } else if (sent.isTextual() && Timestamps.isNaive(sent.textValue())) {
                // Naive times are read in the configured zone (UTC here) and echoed as instants.
                assertEquals(Timestamps.parse(sent.textValue(), ZoneOffset.UTC).orElseThrow().toString(), got.textValue(),
                        name);
            } else if (sent.isNumber()) {
                assertEquals(0, sent.decimalValue().compareTo(got.decimalValue()), name + ": sent " + sent + ", read " + got);
            } else {
                assertEquals(sent, got, name);
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
