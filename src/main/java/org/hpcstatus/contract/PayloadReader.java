package org.hpcstatus.contract;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Walks a JSON object against a list of {@link Field}s, converting each value strictly and collecting every problem,
 * so one 400 answer can name all missing fields at once. Unknown fields are collected as ignored, not rejected.
 */
public final class PayloadReader {

    /** Stands for any whole number with more digits than a count can have. */
    private static final BigInteger BEYOND_ANY_COUNT = BigInteger.TWO.pow(64);

    private final ZoneId naiveZone;
    private final List<String> missing = new ArrayList<>();
    private final Set<String> sentNull = new HashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    public PayloadReader(ZoneId naiveZone) {
        this.naiveZone = naiveZone;
    }

    /** Fills {@code target} from {@code object}; {@code alsoKnown} are names read elsewhere (arrays, timestamp). */
    public <E> E read(JsonNode object, String path, List<Field<E>> fields, Set<String> alsoKnown, E target) {
        Set<String> known = new HashSet<>(alsoKnown);
        for (Field<E> field : fields) {
            known.add(field.name());
            JsonNode node = object.get(field.name());
            if (node == null || node.isNull()) {
                if (node != null) {
                    sentNull.add(path + field.name());
                }
                if (field.required() && !(node != null && field.nullSaysNotCollected())) {
                    missing.add(path + field.name());
                }
                continue;
            }
            Object value = convert(node, path + field.name(), field);
            if (value != null) {
                field.setter().accept(target, value);
            }
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!known.contains(name)) {
                ignored.add(path + name);
            }
        }
        return target;
    }

    /**
     * Reads an optional array of objects; each element is filled from {@code fields} into a new entity. An array of
     * more than {@code maxRows} is refused whole, before any row is read.
     */
    public <E> List<E> readArray(JsonNode parent, String name, List<Field<E>> fields, Supplier<E> factory, int maxRows,
            String limitProperty) {
        JsonNode array = parent.get(name);
        List<E> result = new ArrayList<>();
        if (array == null || array.isNull()) {
            return result;
        }
        if (!array.isArray()) {
            problems.add(name + " must be an array, got " + describe(array));
            return result;
        }
        if (array.size() > maxRows) {
            problems.add(name + " has " + array.size() + " rows; at most " + maxRows + " are accepted (" + limitProperty
                    + ")");
            return result;
        }
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String path = name + "[" + i + "]";
            if (!element.isObject()) {
                problems.add(path + " must be an object, got " + describe(element));
                continue;
            }
            result.add(read(element, path + ".", fields, Set.of(), factory.get()));
        }
        return result;
    }

    /** Reads one timestamp field; empty when absent, null-valued or invalid (invalid is recorded as a problem). */
    public Instant readTimestamp(JsonNode object, String name) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        return timestamp(node, name);
    }

    /** Whether the post sent this field as an explicit null: the collector says it could not collect it. */
    public boolean sentNull(String path) {
        return sentNull.contains(path);
    }

    public void missing(String path) {
        missing.add(path);
    }

    public void problem(String message) {
        problems.add(message);
    }

    public List<String> ignored() {
        return List.copyOf(ignored);
    }

    /** Throws the one 400 message for everything found, missing fields first. */
    public void throwIfInvalid() {
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("Missing required fields: " + String.join(", ", missing));
        }
        parts.addAll(problems);
        if (!parts.isEmpty()) {
            throw new InvalidPayloadException(String.join("; ", parts));
        }
    }

    private Object convert(JsonNode node, String path, Field<?> field) {
        return switch (field.type()) {
            case COUNT -> {
                BigInteger whole = wholeNumber(node);
                if (whole == null || whole.signum() < 0 || whole.bitLength() > 31) {
                    problems.add(path + " must be a whole number from 0 to " + Integer.MAX_VALUE + ", got " + describe(node));
                    yield null;
                }
                yield whole.intValue();
            }
            case LARGE_COUNT -> {
                BigInteger whole = wholeNumber(node);
                if (whole == null || whole.signum() < 0 || whole.bitLength() > 63) {
                    problems.add(path + " must be a whole number from 0 to " + Long.MAX_VALUE + ", got " + describe(node));
                    yield null;
                }
                yield whole.longValue();
            }
            case PERCENT -> number(node, path, 100.0, "a number from 0 to 100");
            case AMOUNT -> number(node, path, Double.MAX_VALUE, "a non-negative number");
            case FLAG -> {
                if (!node.isBoolean()) {
                    problems.add(path + " must be true or false, got " + describe(node));
                    yield null;
                }
                yield node.booleanValue();
            }
            case TEXT -> text(node, path, field);
            case TIMESTAMP -> timestamp(node, path);
        };
    }

    /**
     * The value of a number that is whole, however it is written: 12, 12.0 and 1.2e1 alike (Python collectors write
     * counts as floats); null for anything else, 1.5, NaN and Infinity included.
     */
    private static BigInteger wholeNumber(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue();
        }
        if (!node.isNumber() || node.isDouble() && !Double.isFinite(node.doubleValue())) {
            return null;
        }
        // Stripped first and sized before anything is expanded: 1e999999999 must not become a billion-digit integer.
        BigDecimal value = node.decimalValue().stripTrailingZeros();
        if (value.scale() > 0) {
            return null;
        }
        return value.precision() - value.scale() > 19 ? BEYOND_ANY_COUNT : value.toBigIntegerExact();
    }

    private Double number(JsonNode node, String path, double max, String expectation) {
        if (!node.isNumber()) {
            problems.add(path + " must be " + expectation + ", got " + describe(node));
            return null;
        }
        double value = node.doubleValue();
        if (!Double.isFinite(value) || value < 0 || value > max) {
            problems.add(path + " must be " + expectation + ", got " + describe(node));
            return null;
        }
        return value;
    }

    private String text(JsonNode node, String path, Field<?> field) {
        if (!node.isTextual()) {
            problems.add(path + " must be a string, got " + describe(node));
            return null;
        }
        String value = node.textValue().strip();
        if (value.isEmpty()) {
            if (field.required()) {
                problems.add(path + " must not be empty");
            }
            return field.keepEmpty() ? value : null;
        }
        if (value.length() > field.maxLength()) {
            problems.add(path + " must be at most " + field.maxLength() + " characters, got " + value.length());
            return null;
        }
        if (!field.allowed().isEmpty()) {
            String lower = value.toLowerCase(Locale.ROOT);
            if (!field.allowed().contains(lower)) {
                problems.add(path + " must be one of " + String.join(", ", field.allowed()) + ", got " + describe(node));
                return null;
            }
            return lower;
        }
        return value;
    }

    private Instant timestamp(JsonNode node, String path) {
        if (!node.isTextual()) {
            problems.add(path + " must be an ISO-8601 timestamp string, got " + describe(node));
            return null;
        }
        Instant instant = Timestamps.parse(node.textValue(), naiveZone).orElse(null);
        if (instant == null) {
            problems.add(path + " must be an ISO-8601 timestamp such as 2025-11-25T14:30:00Z or '2025-11-25 14:30:00', got "
                    + describe(node));
            return null;
        }
        if (instant.isBefore(Timestamps.EARLIEST) || !instant.isBefore(Timestamps.LATEST)) {
            problems.add(path + " must be from " + Timestamps.EARLIEST + " to before " + Timestamps.LATEST + ", got "
                    + describe(node));
            return null;
        }
        return instant;
    }

    /** A short, safe rendering of what the client sent, for error messages. */
    static String describe(JsonNode node) {
        if (node.isNull()) {
            return "null";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        String shown = node.isNumber() ? node.asText() : node.toString();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return node.isTextual() ? "a string " + shown : node.isBoolean() ? "a boolean " + shown : shown;
    }
}
