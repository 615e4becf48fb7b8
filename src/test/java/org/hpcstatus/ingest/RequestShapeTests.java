package org.hpcstatus.ingest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.hpcstatus.support.Requests.asCollector;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.hamcrest.Matchers;
import org.hpcstatus.support.TestData;

/** Bodies that are not a usable JSON object: every one is a 4xx with the JSON error body, never a 500. */
@QuarkusTest
class RequestShapeTests {

    @jakarta.inject.Inject
    TestData data;



    @Test
    void malformedJsonIsA400SayingWhere() {
        asCollector().body("{\"cpu_nodes_total\": 5,}").post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", startsWith("Malformed JSON at line 1, column 23: "));
    }

    @Test
    void emptyBodyIsA400() {
        asCollector().body("").post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("Request body is empty: send a JSON object"));
    }

    @Test
    void jsonNullIsA400() {
        asCollector().body("null").post("/api/v1/status/derecho").then().statusCode(400)
                .body("error", equalTo("Request body must be a JSON object, got null"));
    }

    @Test
    void jsonArrayIsA400() {
        asCollector().body("[{}]").post("/api/v1/status/casper").then().statusCode(400)
                .body("error", equalTo("Request body must be a JSON object, got an array"));
    }

    @Test
    void emptyObjectIsA400ListingEveryRequiredField() {
        asCollector().body("{}").post("/api/v1/status/jupyterhub").then().statusCode(400)
                .body("error", equalTo("Missing required fields: active_users, active_sessions"));
        asCollector().body("{}").post("/api/v1/status/outage").then().statusCode(400)
                .body("error", equalTo("Missing required fields: system_name, title, severity, status"));
    }

    @Test
    void nanAndInfinityAsPythonWritesThemAre400sNamingTheField() {
        asCollector().body("{\"available\": true, \"active_users\": NaN, \"active_sessions\": 1,"
                + " \"cpu_utilization_percent\": Infinity, \"memory_utilization_percent\": -Infinity}")
                .post("/api/v1/status/jupyterhub").then().statusCode(400)
                .body("error", equalTo("active_users must be a whole number from 0 to 2147483647, got NaN; "
                        + "cpu_utilization_percent must be a number from 0 to 100, got Infinity; "
                        + "memory_utilization_percent must be a number from 0 to 100, got -Infinity"));
    }

    @Test
    void duplicateKeysAreA400() {
        asCollector().body("{\"available\": true, \"available\": false, \"active_users\": 1, \"active_sessions\": 1}")
                .post("/api/v1/status/jupyterhub").then().statusCode(400)
                .body("error", startsWith("Malformed JSON at line 1"));
    }

    @Test
    void trailingGarbageIsA400() {
        asCollector().body("{\"available\": true, \"active_users\": 1, \"active_sessions\": 1} x")
                .post("/api/v1/status/jupyterhub").then().statusCode(400)
                .body("error", startsWith("Malformed JSON"));
    }

    @Test
    void nonJsonContentTypeIsA415WithJsonBody() {
        asCollector().contentType(ContentType.URLENC).body("available=true").post("/api/v1/status/jupyterhub").then()
                .statusCode(415).contentType(ContentType.JSON)
                .body("error", equalTo("Content-Type must be application/json"));
    }

    @Test
    void anArrayLongerThanItsLimitIsA400NamingItBeforeAnyRowIsRead() {
        ObjectNode payload = TestData.freshPayload("derecho-guide");
        var queues = payload.putArray("queues");
        for (int i = 0; i <= 5000; i++) {
            queues.addObject().put("queue_name", "q" + i);
        }
        asCollector().body(payload.toString()).post("/api/v1/status/gust").then().statusCode(400)
                .body("error", equalTo("queues has 5001 rows; at most 5000 are accepted (hpcstatus.ingest.max-array-rows)"));
    }

    @Test
    void namesThatDifferOnlyByAccentOrCaseAreOneNameTwice() {
        ObjectNode payload = TestData.freshPayload("derecho-guide");
        var queues = payload.putArray("queues");
        queues.addObject().put("queue_name", "main");
        queues.addObject().put("queue_name", "M\u00e1in");
        asCollector().body(payload.toString()).post("/api/v1/status/gust").then().statusCode(400)
                .body("error", equalTo("queues[1].queue_name 'M\u00e1in' appears more than once"));
    }

    /** MariaDB's default collation merged "máin" into the "main" stored before it; names compare byte for byte. */
    @Test
    void namesThatDifferOnlyByAccentOrCaseAcrossPostsStayTwoNames() {
        for (String name : List.of("main", "m\u00e1in", "MAIN")) {
            ObjectNode payload = TestData.freshPayload("derecho-guide");
            payload.putArray("queues").addObject().put("queue_name", name).put("running_jobs", 1)
                    .put("pending_jobs", 0);
            payload.putArray("login_nodes").addObject().put("node_name", name).put("node_type", "cpu")
                    .put("available", true);
            asCollector().body(payload.toString()).post("/api/v1/status/tarn").then().log().ifValidationFails()
                    .statusCode(201);
            RestAssured.get("/api/v1/status/tarn/latest").then().statusCode(200)
                    .body("queues.queue_name", equalTo(List.of(name)))
                    .body("login_nodes.node_name", equalTo(List.of(name)));
        }
        // What the database holds, not the names this process remembers for the ids it was given.
        for (String table : List.of("batch_queue", "login_node")) {
            Assertions.assertEquals(3, data.count("SELECT COUNT(*) FROM " + table
                    + " t JOIN hpc_system s ON s.system_id = t.system_id WHERE s.name = 'tarn'"), table);
        }
    }

    @Test
    void bodyOverEightMebibytesIsA413WithJsonBody() {
        String big = "{\"pad\": \"" + "x".repeat(8 * 1024 * 1024) + "\"}";
        asCollector().body(big).post("/api/v1/status/derecho").then().statusCode(413).contentType(ContentType.JSON)
                .body("error", equalTo("Request body is larger than 8388608 bytes"));
    }

    @Test
    void chunkedBodyOverEightMebibytesIsA413Too() {
        byte[] big = ("{\"pad\": \"" + "x".repeat(8 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        // An InputStream body is sent chunked, without Content-Length, so only the resource can measure it.
        asCollector().body(new ByteArrayInputStream(big)).post("/api/v1/status/derecho").then().statusCode(413)
                .contentType(ContentType.JSON).body("error", equalTo("Request body is larger than 8388608 bytes"));
    }

    @Test
    void aPostOfTwoMebibytesIsReadAndJudgedOnItsContent() {
        // Over the old 1 MiB default: it is read and validated (here: a field of the wrong type), not refused for size.
        String padded = "{\"pad\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"active_users\": \"many\"}";
        asCollector().body(padded).post("/api/v1/status/jupyterhub").then().statusCode(400)
                .body("error", Matchers.containsString("active_users must be a whole number"));
    }

    @Test
    void unknownSystemIsA404() {
        asCollector().body("{}").post("/api/v1/status/frontier").then().statusCode(404)
                .body("error", equalTo("Unknown system 'frontier'"));
    }

    @Test
    void systemNameInTheUrlIsCaseInsensitive() {
        asCollector().body(TestData.freshPayload("jupyterhub-guide").toString()).post("/api/v1/status/JupyterHub").then()
                .statusCode(201);
    }
}
