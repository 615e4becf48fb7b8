package org.hpcstatus.ingest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hpcstatus.support.Requests.asCollector;
import static org.hpcstatus.support.TestData.freshPayload;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.hamcrest.Matchers;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.support.TestData;

@QuarkusTest
class JupyterHubIngestTests {

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** The deployed hub collector never sends available: stored as not reported, shown so, not taken as down. */
    @Test
    void aHubPostWithoutAvailableIsStoredAsNotReported() {
        ObjectNode payload = TestData.payload("jupyterhub-guide");
        payload.remove("available");
        payload.put("timestamp", Seeds.nextCurrent(clock).toString());
        asCollector().body(payload.toString()).post("/api/v1/status/jupyterhub").then().statusCode(201)
                .body("ignored_fields", equalTo(List.of()));
        RestAssured.get("/api/v1/status/jupyterhub/latest").then().statusCode(200)
                .body("available", nullValue())
                .body("active_users", equalTo(68));
        RestAssured.get("/status/jupyterhub").then().statusCode(200)
                .body(containsString("<dt>JupyterHub</dt><dd>Up</dd>")) // its 68 users say so
                .body(containsString("state-ok"));
    }


    @Test
    void guideExamplePayloadIsStoredWithoutChildArrays() {
        asCollector().body(freshPayload("jupyterhub-guide").toString()).post("/api/v1/status/jupyterhub").then()
                .statusCode(201)
                .body("message", equalTo("JupyterHub status ingested successfully"))
                .body("$", not(hasKey("login_node_ids")))
                .body("$", not(hasKey("node_type_ids")));
    }

    @Test
    void requiredFieldsAreListed() {
        ObjectNode payload = freshPayload("jupyterhub-guide");
        payload.remove("active_users");
        payload.remove("active_sessions");
        asCollector().body(payload.toString()).post("/api/v1/status/jupyterhub").then().statusCode(400)
                .body("error", equalTo("Missing required fields: active_users, active_sessions"));
    }

    @Test
    void availableMustBeABoolean() {
        ObjectNode payload = freshPayload("jupyterhub-guide");
        payload.put("available", "yes");
        asCollector().body(payload.toString()).post("/api/v1/status/jupyterhub").then().statusCode(400)
                .body("error", equalTo("available must be true or false, got a string \"yes\""));
    }

    @Test
    void clusterArraysSentToAHubAreIgnoredVisibly() {
        ObjectNode payload = freshPayload("jupyterhub-guide");
        payload.putArray("login_nodes").addObject().put("node_name", "hub1");
        asCollector().body(payload.toString()).post("/api/v1/status/jupyterhub").then().statusCode(201)
                .body("ignored_fields", Matchers.contains("login_nodes"));
    }
}
