package org.hpcstatus.ingest;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hpcstatus.support.Requests.asCollector;
import static org.hpcstatus.support.TestData.freshPayload;
import static org.hpcstatus.support.TestData.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.hamcrest.Matchers;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

@QuarkusTest
class DerechoIngestTests {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Inject
    TestData data;


    @Test
    void guideExamplePayloadIsStoredWithAllItsChildren() {
        ObjectNode payload = freshPayload("derecho-guide");
        Response response = asCollector().body(payload.toString()).post("/api/v1/status/derecho");
        response.then().statusCode(201)
                .body("success", equalTo(true))
                .body("message", equalTo("Derecho status ingested successfully"))
                .body("status_id", notNullValue())
                .body("timestamp", equalTo(payload.get("timestamp").asText()))
                .body("login_node_ids", hasSize(3))
                .body("queue_ids", hasSize(2))
                .body("filesystem_ids", hasSize(2))
                .body("ignored_fields", hasSize(0));
        long statusId = response.jsonPath().getLong("status_id");
        assertEquals(3, data.count("SELECT COUNT(*) FROM login_node_status WHERE snapshot_id = " + statusId));
        assertEquals(2, data.count("SELECT COUNT(*) FROM queue_status WHERE snapshot_id = " + statusId));
        assertEquals(2, data.count("SELECT COUNT(*) FROM filesystem_status WHERE snapshot_id = " + statusId));
    }

    @Test
    void guidesOwnMinimalCollectorPayloadIsAccepted() {
        // What the guide's example Python collector sends: node counts and job counts, naive isoformat() time.
        String body = """
                {"timestamp": "%s", "cpu_nodes_total": 2488, "cpu_nodes_available": 1850, "cpu_nodes_down": 15,
                 "gpu_nodes_total": 82, "gpu_nodes_available": 45, "gpu_nodes_down": 2,
                 "running_jobs": 1245, "pending_jobs": 328, "active_users": 156}"""
                .formatted(TestData.nextTimestamp().toString().replace("Z", ".123456"));
        asCollector().body(body).post("/api/v1/status/gust").then().statusCode(201);
    }

    @Test
    void missingRequiredFieldsAreListedTogether() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.remove("cpu_nodes_total");
        payload.remove("gpu_nodes_total");
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("Missing required fields: cpu_nodes_total, gpu_nodes_total"));
    }

    @Test
    void missingFieldInsideAnArrayIsNamedWithItsPath() {
        ObjectNode payload = freshPayload("derecho-guide");
        ((ObjectNode) payload.withArray("queues").get(1)).remove("queue_name");
        ((ObjectNode) payload.withArray("login_nodes").get(0)).remove("node_type");
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("Missing required fields: login_nodes[0].node_type, queues[1].queue_name"));
    }

    @Test
    void stringWhereANumberBelongsIsRejectedNamingTheField() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.put("running_jobs", "100");
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("running_jobs must be a whole number from 0 to 2147483647, got a string \"100\""));
    }

    @Test
    void fractionAndBooleanAreNotCounts() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.put("pending_jobs", 1.5);
        payload.put("active_users", true);
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("pending_jobs must be a whole number from 0 to 2147483647, got 1.5; "
                        + "active_users must be a whole number from 0 to 2147483647, got a boolean true"));
    }

    @Test
    void aNullForAnotherKindsFieldIsNotListedAsIgnoredButATypoIs() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.putNull("viz_utilization_percent").putNull("compute_nodes_total").putNull("active_sessions");
        payload.putNull("viz_utilisation_percent").put("viz_utilization_percnt", 3);
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(201)
                .body("ignored_fields", equalTo(List.of("viz_utilisation_percent", "viz_utilization_percnt")));
        ObjectNode withValue = freshPayload("derecho-guide");
        withValue.put("viz_utilization_percent", 12.5);
        asCollector().body(withValue.toString()).post("/api/v1/status/derecho").then().statusCode(201)
                .body("ignored_fields", equalTo(List.of("viz_utilization_percent")));
    }

    @Test
    void wholeNumbersWrittenAsFloatsAreCounts() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.put("timestamp", Seeds.nextCurrent(clock).toString());
        String body = payload.toString()
                .replace("\"running_jobs\":1245", "\"running_jobs\":1245.0")
                .replace("\"pending_jobs\":328", "\"pending_jobs\":3.28e2")
                .replaceFirst("\"filesystem_name\":\"glade\"",
                        "\"filesystem_name\":\"glade\",\"capacity_inodes\":1200000000.0,\"used_inodes\":1.2e9");
        asCollector().body(body).post("/api/v1/status/gust").then().statusCode(201);
        RestAssured.get("/api/v1/status/gust/latest").then().statusCode(200)
                .body("running_jobs", equalTo(1245))
                .body("pending_jobs", equalTo(328))
                .body("filesystems[0].filesystem_name", equalTo("glade"))
                .body("filesystems[0].capacity_inodes", equalTo(1_200_000_000))
                .body("filesystems[0].used_inodes", equalTo(1_200_000_000));
        String tooBig = freshPayload("derecho-guide").toString().replace("\"running_jobs\":1245",
                "\"running_jobs\":1e999999999");
        asCollector().body(tooBig).post("/api/v1/status/gust").then().statusCode(400)
                .body("error", equalTo("running_jobs must be a whole number from 0 to 2147483647, got 1e999999999"));
        String tooManyInodes = freshPayload("derecho-guide").toString().replaceFirst("\"filesystem_name\":\"glade\"",
                "\"filesystem_name\":\"glade\",\"used_inodes\":9.3e18");
        asCollector().body(tooManyInodes).post("/api/v1/status/gust").then().statusCode(400)
                .body("error", equalTo("filesystems[0].used_inodes must be a whole number from 0 to "
                        + Long.MAX_VALUE + ", got 9.3e18"));
    }

    @Test
    void negativeCountInAQueueIsRejectedWithItsPath() {
        ObjectNode payload = freshPayload("derecho-guide");
        ((ObjectNode) payload.withArray("queues").get(1)).put("running_jobs", -3);
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("queues[1].running_jobs must be a whole number from 0 to 2147483647, got -3"));
    }

    @Test
    void utilizationAboveOneHundredPercentIsRejected() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.put("cpu_utilization_percent", 100.5);
        ((ObjectNode) payload.withArray("filesystems").get(0)).put("utilization_percent", -1);
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("cpu_utilization_percent must be a number from 0 to 100, got 100.5; "
                        + "filesystems[0].utilization_percent must be a number from 0 to 100, got -1"));
    }

    @Test
    void numberTooLargeForADoubleIsNotAcceptedAsInfinity() {
        String body = freshPayload("derecho-guide").toString().replace("\"memory_total_gb\":650000.0",
                "\"memory_total_gb\":1e400");
        asCollector().body(body).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("memory_total_gb must be a non-negative number, got 1e400"));
    }

    @Test
    void aFractionalCountIsQuotedAsSent() {
        String body = freshPayload("derecho-guide").toString().replace("\"running_jobs\":1245",
                "\"running_jobs\":1245.50");
        asCollector().body(body).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("running_jobs must be a whole number from 0 to 2147483647, got 1245.50"));
    }

    @Test
    void loginNodeTypeOutsideTheListIsRejected() {
        ObjectNode payload = freshPayload("derecho-guide");
        ((ObjectNode) payload.withArray("login_nodes").get(2)).put("node_type", "tpu");
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("login_nodes[2].node_type must be one of cpu, gpu, data-access, got a string \"tpu\""));
    }

    @Test
    void dataAccessLoginNodesAreAccepted() {
        ObjectNode payload = freshPayload("derecho-guide");
        ((ObjectNode) payload.withArray("login_nodes").get(2)).put("node_type", "data-access");
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(201);
    }

    @Test
    void sameLoginNodeTwiceInOnePostIsRejected() {
        ObjectNode payload = freshPayload("derecho-guide");
        ((ObjectNode) payload.withArray("login_nodes").get(1)).put("node_name", "derecho1");
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("login_nodes[1].node_name 'derecho1' appears more than once"));
    }

    @Test
    void unknownFieldsAreStoredAroundAndListedAsIgnored() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.put("cpu_nodes_totl", 5);
        ((ObjectNode) payload.withArray("login_nodes").get(0)).put("colour", "blue");
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(201)
                .body("ignored_fields", contains("cpu_nodes_totl", "login_nodes[0].colour"));
    }

    @Test
    void optionalFieldsRealCollectorsSendAreStoredAndReturned() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.put("held_jobs", 7);
        ((ObjectNode) payload.withArray("login_nodes").get(0)).put("num_cpus", 128);
        ObjectNode fs = (ObjectNode) payload.withArray("filesystems").get(0);
        fs.put("capacity_inodes", 12_000_000_000L).put("used_inodes", 9_000_000_000L).put("inodes_utilization_percent", 75.0);
        ((ObjectNode) payload.withArray("queues").get(0)).put("cores_pending", 10).put("gpus_pending", 2)
                .put("cores_held", 3).put("gpus_held", 1).put("held_jobs", 4);
        payload.put("timestamp", Seeds.nextCurrent(clock).toString());
        asCollector().body(payload.toString()).post("/api/v1/status/gust").then().statusCode(201)
                .body("ignored_fields", hasSize(0));
        RestAssured.get("/api/v1/status/gust/latest").then().statusCode(200)
                .body("held_jobs", equalTo(7))
                .body("login_nodes[0].num_cpus", equalTo(128))
                .body("filesystems[0].capacity_inodes", equalTo(12_000_000_000L))
                .body("filesystems[0].inodes_utilization_percent", equalTo(75.0f))
                .body("queues[0].cores_pending", equalTo(10))
                .body("queues[0].gpus_held", equalTo(1))
                .body("queues[0].held_jobs", equalTo(4));
    }

    @Test
    void dryRunValidatesButStoresNothing() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.put("cpu_nodes_totl", 1);
        long before = data.count("SELECT COUNT(*) FROM status_snapshot");
        asCollector().queryParam("dry_run", true).body(payload.toString()).post("/api/v1/status/derecho").then()
                .statusCode(200)
                .body("message", equalTo("Derecho status is valid (dry run: nothing stored)"))
                .body("ignored_fields", contains("cpu_nodes_totl"));
        assertEquals(before, data.count("SELECT COUNT(*) FROM status_snapshot"));
        payload.put("running_jobs", -1);
        asCollector().queryParam("dry_run", true).body(payload.toString()).post("/api/v1/status/derecho").then()
                .statusCode(400);
    }

    @Test
    void identicalRetryAnswers200WithTheOriginalIds() {
        ObjectNode payload = freshPayload("derecho-guide");
        Response first = asCollector().body(payload.toString()).post("/api/v1/status/derecho");
        first.then().statusCode(201);
        // Same content, other key order and spacing: still the same snapshot.
        String reordered = "{ \"running_jobs\": 1245, " + payload.toString().substring(1).replace(",\"running_jobs\":1245", "");
        Response retry = asCollector().body(reordered).post("/api/v1/status/derecho");
        retry.then().statusCode(200)
                .body("duplicate", equalTo(true))
                .body("status_id", equalTo(first.jsonPath().getInt("status_id")))
                .body("login_node_ids", equalTo(first.jsonPath().getList("login_node_ids")))
                .body("queue_ids", equalTo(first.jsonPath().getList("queue_ids")))
                .body("filesystem_ids", equalTo(first.jsonPath().getList("filesystem_ids")));
        assertEquals(1, data.count("SELECT COUNT(*) FROM status_snapshot WHERE snapshot_id = "
                + first.jsonPath().getLong("status_id")));
    }

    @Test
    void retryWithItsArraysInAnotherOrderIsTheSameSnapshot() {
        ObjectNode payload = freshPayload("derecho-guide");
        Response first = asCollector().body(payload.toString()).post("/api/v1/status/derecho");
        first.then().statusCode(201);
        for (String array : List.of("login_nodes", "queues", "filesystems")) {
            var rows = payload.withArray(array);
            var reversed = rows.deepCopy();
            rows.removeAll();
            for (int i = reversed.size() - 1; i >= 0; i--) {
                rows.add(reversed.get(i));
            }
        }
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(200)
                .body("duplicate", equalTo(true))
                .body("status_id", equalTo(first.jsonPath().getInt("status_id")));
        // A changed row is other content, whatever the order.
        ((ObjectNode) payload.withArray("login_nodes").get(0)).put("user_count", 999);
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(409);
    }

    @Test
    void differentContentAtTheSameTimestampIsAConflict() {
        ObjectNode payload = freshPayload("derecho-guide");
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(201);
        payload.put("running_jobs", 1);
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(409)
                .body("error", Matchers.startsWith("A different snapshot for this system at "));
    }

    @Test
    void timestampFormatsCollectorsSendAreAllReadAsUtcInstants() {
        Instant base = TestData.nextTimestamp().minusSeconds(100_000);
        List<String[]> cases = List.of(
                new String[] {base.toString(), base.toString()},
                new String[] {"2025-11-25T16:30:00+02:00", "2025-11-25T14:30:00Z"},
                new String[] {"2025-11-25T14:31:00", "2025-11-25T14:31:00Z"},
                new String[] {"2025-11-25 14:32:00", "2025-11-25T14:32:00Z"},
                new String[] {"2025-11-25T14:33:00.123456", "2025-11-25T14:33:00.123456Z"});
        for (String[] c : cases) {
            ObjectNode payload = payload("derecho-guide");
            payload.put("timestamp", c[0]);
            asCollector().body(payload.toString()).post("/api/v1/status/gust").then()
                    .statusCode(201).body("timestamp", equalTo(c[1]));
        }
    }

    @Test
    void missingTimestampMeansNow() {
        ObjectNode payload = payload("derecho-guide");
        payload.remove("timestamp");
        Instant before = Instant.now().minusSeconds(1);
        String stored = asCollector().body(payload.toString()).post("/api/v1/status/gust").then().statusCode(201)
                .extract().path("timestamp");
        Instant at = Instant.parse(stored);
        Assertions.assertTrue(!at.isBefore(before) && at.isBefore(Instant.now().plusSeconds(1)),
                "stored " + at);
    }

    @Test
    void timestampMoreThanFiveMinutesAheadIsRejected() {
        ObjectNode payload = payload("derecho-guide");
        payload.put("timestamp", Instant.now().plus(10, ChronoUnit.MINUTES).toString());
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", Matchers.containsString("more than 5 minutes in the future"));
    }

    @Test
    void unreadableTimestampIsRejected() {
        ObjectNode payload = payload("derecho-guide");
        payload.put("timestamp", "25/11/2025 14:30");
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", Matchers.startsWith("timestamp must be an ISO-8601 timestamp"));
        payload.put("timestamp", 1764080000);
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("timestamp must be an ISO-8601 timestamp string, got 1764080000"));
    }

    @Test
    void metricsNotSentReadBackAsNullNotZero() {
        ObjectNode payload = freshPayload("derecho-guide");
        payload.remove("gpu_utilization_percent");
        payload.remove("cpu_nodes_reserved");
        payload.put("timestamp", Seeds.nextCurrent(clock).toString());
        asCollector().body(payload.toString()).post("/api/v1/status/derecho").then().statusCode(201);
        RestAssured.get("/api/v1/status/derecho/latest").then().statusCode(200)
                .body("gpu_utilization_percent", nullValue())
                .body("cpu_nodes_reserved", nullValue())
                .body("cpu_utilization_percent", equalTo(76.2f))
                .body("login_nodes.node_name", contains("derecho1", "derecho2", "derecho5"))
                .body("login_nodes.available", everyItem(equalTo(true)));
    }
}
