package org.hpcstatus.snapshot;

import static org.hpcstatus.support.Requests.asAdmin;
import static org.hpcstatus.support.Requests.asCollector;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.hpcstatus.contract.Field;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.support.Seeds;
import org.hpcstatus.support.TestClock;
import org.hpcstatus.system.SystemKind;

/**
 * Every field of every kind, set to a value no other field has, is stored by the JDBC writer (columns named by
 * {@link Field#column()}) and read back by Hibernate (columns named by the entities' mapping) under its own name with
 * its own value: the two column mappings cannot drift apart unnoticed.
 */
@QuarkusTest
class FieldRoundTripTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void everyClusterFieldReadsBackAsPosted() {
        roundTrip("gust", SystemKind.CLUSTER);
    }

    @Test
    void everyHeterogeneousClusterFieldReadsBackAsPosted() {
        roundTrip("casper", SystemKind.HETEROGENEOUS_CLUSTER);
    }

    @Test
    void everyJupyterHubFieldReadsBackAsPosted() {
        roundTrip("jupyterhub", SystemKind.JUPYTERHUB);
    }

    private void roundTrip(String system, SystemKind kind) {
        KindProfile profile = KindProfile.of(kind);
        AtomicInteger distinct = new AtomicInteger(1);
        ObjectNode posted = row(profile.fields(), distinct);
        for (ChildArray<?> array : profile.arrays()) {
            posted.putArray(array.jsonName).add(row(profile.fieldsOf(array), distinct));
        }
        if (posted.has(ChildArray.RESERVATIONS.jsonName)) {
            // A reservation names its own system, and is read back while it has not ended.
            ((ObjectNode) posted.get(ChildArray.RESERVATIONS.jsonName).get(0)).put("system_name", system)
                    .put("start_time", "2030-01-01T00:00:00Z").put("end_time", "2030-01-02T00:00:00Z");
        }
        posted.put("timestamp", Seeds.nextCurrent(clock).toString());
        asCollector().body(posted.toString()).post("/api/v1/status/" + system).then().statusCode(201);

        JsonNode read = json(asAdmin().get("/api/v1/status/" + system + "/latest").then().statusCode(200).extract()
                .asString());
        for (Field<Snapshot> field : profile.fields()) {
            assertEquals(posted.get(field.name()), read.get(field.name()), field.name());
        }
        for (ChildArray<?> array : profile.arrays()) {
            JsonNode postedRow = posted.get(array.jsonName).get(0);
            JsonNode readRow = read.get(array.jsonName).get(0);
            for (Field<?> field : profile.fieldsOf(array)) {
                assertEquals(postedRow.get(field.name()), readRow.get(field.name()), array.jsonName + "." + field.name());
            }
        }
    }

    /** One JSON object with every field set: numbers all different, text from the allowed values where limited. */
    private static ObjectNode row(List<? extends Field<?>> fields, AtomicInteger distinct) {
        ObjectNode row = JSON.createObjectNode();
        for (Field<?> field : fields) {
            int n = distinct.getAndIncrement();
            switch (field.type()) {
                case COUNT -> row.put(field.name(), 1000 + n);
                case LARGE_COUNT -> row.put(field.name(), 5_000_000_000L + n);
                case PERCENT -> row.put(field.name(), n + 0.25);
                case AMOUNT -> row.put(field.name(), 2000 + n + 0.5);
                case FLAG -> row.put(field.name(), n % 2 == 0);
                case TEXT -> row.put(field.name(), field.allowed().isEmpty() ? "value-" + n : field.allowed().get(0));
                case TIMESTAMP -> row.put(field.name(), "2026-01-01T00:00:0" + (n % 10) + "Z");
            }
        }
        return row;
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
