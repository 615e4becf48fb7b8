package org.hpcstatus.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hpcstatus.support.Requests.as;
import static org.hpcstatus.support.Requests.asCollector;
import static org.hpcstatus.support.TestData.freshPayload;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

@QuarkusTest
class CasperIngestTests {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The shape deployed Casper collectors send: Derecho-style partitions plus viz, no compute_nodes_*. */
    private static final String DEPLOYED_SHAPE = """
            {"timestamp": "%s",
             "cpu_nodes_total": 151, "cpu_nodes_available": 135, "cpu_nodes_down": 3, "cpu_nodes_reserved": 10,
             "cpu_cores_total": 9556, "cpu_cores_allocated": 3200, "cpu_cores_idle": 6356,
             "gpu_nodes_total": 22, "gpu_nodes_available": 17, "gpu_nodes_down": 2, "gpu_nodes_reserved": 3,
             "gpu_count_total": 102, "gpu_count_allocated": 60, "gpu_count_idle": 42, "gpu_utilization_percent": 82.3,
             "viz_nodes_total": 15, "viz_nodes_available": 15, "viz_nodes_down": 0, "viz_nodes_reserved": 0,
             "viz_count_total": 96, "viz_count_allocated": 4, "viz_count_idle": 92, "viz_utilization_percent": 4.2,
             "memory_total_gb": 112413.0, "memory_allocated_gb": 55826.0,
             "running_jobs": 456, "pending_jobs": 89, "held_jobs": 12, "active_users": 92,
             "login_nodes": [{"node_name": "casper-login1", "available": true, "num_cpus": 64, "user_count": 39}],
             "node_types": [{"node_type": "largemem", "nodes_total": 8, "nodes_available": 6,
                             "memory_gb_per_node": 1536.5, "cores_per_node": 36}]}""";



    @Test
    void guideExamplePayloadIsStoredWithNodeTypes() {
        ObjectNode payload = freshPayload("casper-guide");
        as(TestData.CASPER_COLLECTOR, TestData.OTHER_PASSWORD).body(payload.toString()).post("/api/v1/status/casper")
                .then().statusCode(201)
                .body("message", equalTo("Casper status ingested successfully"))
                .body("login_node_ids", hasSize(2))
                .body("node_type_ids", hasSize(2))
                .body("queue_ids", hasSize(1))
                .body("filesystem_ids", hasSize(0));
    }

    @Test
    void deployedPartitionShapeIsAcceptedAndAggregatesAreDerived() {
        Instant at = Seeds.nextCurrent(clock);
        asCollector().body(DEPLOYED_SHAPE.formatted(at)).post("/api/v1/status/casper").then().statusCode(201)
                .body("ignored_fields", hasSize(0));
        RestAssured.get("/api/v1/status/casper/latest").then().statusCode(200)
                .body("timestamp", equalTo(at.toString()))
                .body("compute_nodes_total", equalTo(151 + 22 + 15))
                .body("compute_nodes_available", equalTo(135 + 17 + 15))
                .body("compute_nodes_down", equalTo(5))
                .body("cpu_utilization_percent", equalTo(33.5f))
                .body("gpu_utilization_percent", equalTo(82.3f))
                .body("memory_utilization_percent", equalTo(49.7f))
                .body("viz_utilization_percent", equalTo(4.2f))
                .body("held_jobs", equalTo(12))
                .body("login_nodes[0].num_cpus", equalTo(64))
                .body("login_nodes[0].node_type", nullValue())
                .body("node_types[0].memory_gb_per_node", equalTo(1536.5f))
                .body("node_types[0].gpu_model", nullValue());
    }

    @Test
    void neitherAggregatesNorPartitionsIsRejected() {
        ObjectNode payload = freshPayload("casper-guide");
        payload.remove("compute_nodes_total");
        payload.remove("compute_nodes_available");
        payload.remove("running_jobs");
        asCollector().body(payload.toString()).post("/api/v1/status/casper").then().statusCode(400)
                .body("error", equalTo("Missing required fields: running_jobs, "
                        + "compute_nodes_total (or cpu_nodes_total/gpu_nodes_total/viz_nodes_total), "
                        + "compute_nodes_available (or cpu_nodes_available/gpu_nodes_available/viz_nodes_available)"));
    }

    @Test
    void nodeTypeRequiresItsCounts() {
        ObjectNode payload = freshPayload("casper-guide");
        ((ObjectNode) payload.withArray("node_types").get(1)).remove("nodes_available");
        asCollector().body(payload.toString()).post("/api/v1/status/casper").then().statusCode(400)
                .body("error", equalTo("Missing required fields: node_types[1].nodes_available"));
    }

    @Test
    void casperLoginNodesNeedNoNodeTypeButRejectAWrongOne() {
        ObjectNode payload = freshPayload("casper-guide");
        ((ObjectNode) payload.withArray("login_nodes").get(0)).put("node_type", "quantum");
        asCollector().body(payload.toString()).post("/api/v1/status/casper").then().statusCode(400)
                .body("error", equalTo(
                        "login_nodes[0].node_type must be one of cpu, gpu, data-access, got a string \"quantum\""));
    }
}
