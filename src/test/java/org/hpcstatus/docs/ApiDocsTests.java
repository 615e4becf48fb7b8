package org.hpcstatus.docs;

import static io.restassured.RestAssured.get;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.support.TestData;

/**
 * The reference at /api/v1/status/ and the OpenAPI document: built from the field definitions, and the guide's
 * and the deployed collectors' payloads valid against the published schemas.
 */
@QuarkusTest
class ApiDocsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReferenceListsEveryFieldOfEveryKindWithItsTypeAndEveryErrorCode() {
        String page = get("/api/v1/status/").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        for (ApiReference.KindDoc kind : ApiReference.kinds()) {
            for (ApiReference.FieldDoc field : kind.fields()) {
                assertTrue(page.contains("<code>" + field.name() + "</code>"), kind.kind() + " " + field.name());
            }
            for (ApiReference.ArrayDoc array : kind.arrays()) {
                assertTrue(page.contains("<caption>" + array.name() + "</caption>"), array.name());
                array.fields().forEach(f -> assertTrue(page.contains("<code>" + f.name() + "</code>"), f.name()));
            }
        }
        ApiReference.outageFields().forEach(f -> assertTrue(page.contains("<code>" + f.name() + "</code>"), f.name()));
        assertTrue(page.contains("<td data-label=\"Field\"><code>cpu_utilization_percent</code></td><td data-label=\"Type\">number</td>"
                + "<td data-label=\"Required\">optional</td><td data-label=\"Unit\">percent</td><td data-label=\"Accepts\">0 to 100</td>"), page);
        // The deployed collectors measure filesystems with df -BTiB: the unit is what they send.
        assertTrue(page.contains("<td data-label=\"Field\"><code>capacity_tb</code></td><td data-label=\"Type\">number</td>"
                + "<td data-label=\"Required\">optional</td><td data-label=\"Unit\">TiB (2^40 bytes)</td>"), page);
        assertTrue(page.contains("<td data-label=\"Field\"><code>timestamp</code></td><td data-label=\"Type\">string (date-time)</td>"
                + "<td data-label=\"Required\">required</td>"), page);
        assertTrue(page.contains("?dry_run=true"), page);
        for (String code : List.of("400", "401", "403", "404", "409", "413", "415", "429", "503")) {
            assertTrue(page.contains("<td>" + code + "</td>"), code);
        }
        get("/api/v1/status").then().statusCode(200).body(containsString("API for collector authors"));
    }

    private static JsonNode openApi() throws Exception {
        return JSON.readTree(get("/q/openapi?format=json").then().statusCode(200).extract().asString());
    }

    @Test
    void theOpenApiRequestSchemasAreTheFieldDefinitions() throws Exception {
        JsonNode schemas = openApi().path("components").path("schemas");
        JsonNode cluster = schemas.path("ClusterSnapshot");
        Set<String> required = new TreeSet<>();
        cluster.path("required").forEach(r -> required.add(r.asText()));
        Set<String> expected = new TreeSet<>();
        ApiReference.kinds().get(0).fields().stream().filter(ApiReference.FieldDoc::required)
                .forEach(f -> expected.add(f.name()));
        assertEquals(expected, required);
        JsonNode percent = cluster.path("properties").path("cpu_utilization_percent");
        assertEquals(100, percent.path("maximum").asInt(), percent.toString());
        assertEquals("integer", cluster.path("properties").path("login_nodes").path("items").path("properties")
                .path("user_count").path("type").get(0).asText());
        assertTrue(schemas.path("Outage").path("properties").path("severity").path("enum").toString().contains("critical"));
        JsonNode post = openApi().path("paths").path("/api/v1/status/{system}").path("post");
        assertEquals(3, post.path("requestBody").path("content").path("application/json").path("schema")
                .path("oneOf").size(), post.toString());
    }

    @Test
    void theGuidesAndTheDeployedCollectorsPayloadsAreValidAgainstThePublishedSchema() throws Exception {
        JsonNode schemas = openApi().path("components").path("schemas");
        List<String[]> cases = List.of(new String[] {"derecho-guide", "ClusterSnapshot"},
                new String[] {"deployed/derecho-full-machine", "ClusterSnapshot"},
                new String[] {"deployed/derecho-busy-day", "ClusterSnapshot"},
                new String[] {"deployed/derecho-failed-node-query", "ClusterSnapshot"},
                new String[] {"casper-guide", "HeterogeneousClusterSnapshot"},
                new String[] {"deployed/casper", "HeterogeneousClusterSnapshot"},
                new String[] {"jupyterhub-guide", "JupyterhubSnapshot"},
                new String[] {"deployed/jupyterhub", "JupyterhubSnapshot"},
                new String[] {"outage-guide", "Outage"});
        for (String[] c : cases) {
            List<String> problems = new ArrayList<>();
            validate(TestData.payload(c[0]), schemas.path(c[1]), c[0], problems);
            assertEquals(List.of(), problems, c[0] + " against " + c[1]);
        }
        // The validator finds what the service refuses.
        var bad = TestData.payload("derecho-guide");
        bad.put("cpu_utilization_percent", 150).put("running_jobs", "many").remove("timestamp");
        List<String> problems = new ArrayList<>();
        validate(bad, schemas.path("ClusterSnapshot"), "bad", problems);
        assertEquals(3, problems.size(), problems.toString());
    }

    @Test
    void swaggerUiIsServedByTheServiceWithItsOwnPolicyAndThePagesKeepTheStrictOne() {
        String ui = get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self' 'unsafe-inline'"))
                .extract().asString();
        assertTrue(ui.toLowerCase().contains("swagger"), ui);
        assertFalse(ui.matches("(?s).*(src|href)=\"https?://.*"), "nothing loaded from another site: " + ui);
        get("/").then().header("Content-Security-Policy", not(containsString("unsafe-inline")));
    }

    /** The subset of JSON Schema the published schemas use: type, required, properties, items, ranges, enum. */
    private static void validate(JsonNode value, JsonNode schema, String path, List<String> problems) {
        List<String> types = new ArrayList<>();
        schema.path("type").forEach(t -> types.add(t.asText()));
        if (schema.path("type").isTextual()) {
            types.add(schema.path("type").asText());
        }
        if (!types.isEmpty() && types.stream().noneMatch(t -> hasType(value, t))) {
            problems.add(path + ": " + value + " is not " + types);
            return;
        }
        if (value.isNumber()) {
            BigDecimal number = value.decimalValue();
            if (schema.has("minimum") && number.compareTo(schema.path("minimum").decimalValue()) < 0
                    || schema.has("maximum") && number.compareTo(schema.path("maximum").decimalValue()) > 0) {
                problems.add(path + ": " + value + " out of range");
            }
        }
        if (value.isTextual()) {
            if (schema.has("maxLength") && value.asText().length() > schema.path("maxLength").asInt()) {
                problems.add(path + ": longer than " + schema.path("maxLength"));
            }
            if (schema.has("enum") && !schema.path("enum").toString().contains("\"" + value.asText() + "\"")) {
                problems.add(path + ": " + value + " not one of " + schema.path("enum"));
            }
        }
        if (value.isObject()) {
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    problems.add(path + ": " + r.asText() + " is required");
                }
            });
            schema.path("properties").fields().forEachRemaining(p -> {
                if (value.has(p.getKey())) {
                    validate(value.get(p.getKey()), p.getValue(), path + "." + p.getKey(), problems);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(value.get(i), schema.path("items"), path + "[" + i + "]", problems);
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0;
            default -> false;
        };
    }
}
