package org.hpcstatus.collector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The service's field definitions as the collector carries them (contract.json beside this class, written from the
 * service's own definitions and checked against them by the service's tests): every field of every kind and array,
 * its type, whether it is required, the values it may take. Each run checks its payload against it before posting,
 * so a field the service does not know, or a value of the wrong type, is said in the run's log line.
 */
public final class Contract {

    /** Array rows hold no arrays. */
    private static final JsonNode NO_ARRAYS = JsonNodeFactory.instance.objectNode();

    private final JsonNode kinds;

    private Contract(JsonNode kinds) {
        this.kinds = kinds;
    }

    public static Contract load() {
        try (InputStream in = Contract.class.getResourceAsStream("contract.json")) {
            if (in == null) {
                throw new IllegalStateException("contract.json is missing from the collector's jar");
            }
            return new Contract(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What in {@code payload} the service would not take as {@code kind}'s: an empty list when all is well. */
    public List<String> problems(String kind, JsonNode payload) {
        List<String> problems = new ArrayList<>();
        JsonNode contract = kinds.path(kind);
        check("", payload, contract.path("fields"), contract.path("arrays"), problems);
        return problems;
    }

    private static void check(String path, JsonNode object, JsonNode fields, JsonNode arrays, List<String> problems) {
        for (Map.Entry<String, JsonNode> field : fields.properties()) {
            if (field.getValue().path("required").asBoolean() && !object.has(field.getKey())) {
                problems.add(path + field.getKey() + " missing");
            }
        }
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            String name = path + entry.getKey();
            JsonNode value = entry.getValue();
            if (arrays.has(entry.getKey())) {
                for (int i = 0; i < value.size(); i++) {
                    check(name + "[" + i + "].", value.get(i), arrays.get(entry.getKey()), NO_ARRAYS, problems);
                }
            } else if (!fields.has(entry.getKey())) {
                problems.add(name + " is not a field of the service's");
            } else if (!value.isNull() && !fits(value, fields.get(entry.getKey()))) {
                problems.add(name + " is not a " + fields.get(entry.getKey()).path("type").asText().toLowerCase(Locale.ROOT)
                        + ": " + value);
            }
        }
    }

    private static boolean fits(JsonNode value, JsonNode field) {
        return switch (field.path("type").asText()) {
            case "COUNT", "LARGE_COUNT" -> value.isIntegralNumber() && value.asLong() >= 0;
            case "PERCENT" -> value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 100;
            case "AMOUNT" -> value.isNumber() && value.asDouble() >= 0;
            case "FLAG" -> value.isBoolean();
            case "TEXT" -> value.isTextual() && (!field.has("allowed") || contains(field.get("allowed"), value.asText()));
            case "TIMESTAMP" -> value.isTextual();
            default -> false;
        };
    }

    private static boolean contains(JsonNode allowed, String text) {
        for (JsonNode value : allowed) {
            if (value.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
