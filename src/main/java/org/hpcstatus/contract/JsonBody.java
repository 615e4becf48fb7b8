package org.hpcstatus.contract;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns a request body into a JSON object, or a 400 that says what is wrong with it. */
@ApplicationScoped
public class JsonBody {

    private final JsonFactory factory;

    @Inject
    public JsonBody(ObjectMapper mapper) {
        // Duplicate keys and trailing garbage are almost always collector bugs: say so rather than guess. NaN and
        // Infinity (Python's json writes them) are read, so that validation can name the field that holds one.
        this.factory = mapper.getFactory().rebuild()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .build();
    }

    /** The body as a JSON object; 413 when it is longer than {@code maxBytes} (a body sent without a length). */
    public JsonNode object(byte[] body, int maxBytes) {
        if (body != null && body.length > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        if (isBlank(body)) {
            throw new InvalidPayloadException("Request body is empty: send a JSON object");
        }
        JsonNode node;
        try (JsonParser parser = factory.createParser(body)) {
            JsonToken first = parser.nextToken();
            node = first == null ? null : value(parser, first);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "Trailing content after the JSON value");
            }
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            throw new InvalidPayloadException("Malformed JSON" + (location == null ? "" : " at line " + location.getLineNr()
                    + ", column " + location.getColumnNr()) + ": " + firstClause(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new InvalidPayloadException("Request body could not be read as JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidPayloadException("Request body must be a JSON object, got "
                    + (node == null || node.isMissingNode() ? "nothing" : PayloadReader.describe(node)));
        }
        return node;
    }

    /**
     * Builds the tree by hand rather than with Jackson's reader, so that numbers with a fraction or exponent stay
     * exact (1200000000.0 is a whole number) and keep their text for error messages ({@link SentNumber}). Nesting
     * depth and number length are bounded by the parser's own limits.
     */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (token) {
            case START_OBJECT -> {
                ObjectNode object = nodes.objectNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken()));
                }
                yield object;
            }
            case START_ARRAY -> {
                ArrayNode array = nodes.arrayNode();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                yield array;
            }
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> parser.isNaN() ? nodes.numberNode(parser.getDoubleValue())
                    : new SentNumber(parser.getDecimalValue(), parser.getText());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw new JsonParseException(parser, "Unexpected token " + token);
        };
    }

    private static boolean isBlank(byte[] body) {
        if (body != null) {
            for (byte b : body) {
                if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                    return false;
                }
            }
        }
        return true;
    }

    /** Jackson appends parser internals ("start marker at [Source: ...]") that mean nothing to a collector author. */
    private static String firstClause(String message) {
        if (message == null) {
            return "invalid JSON";
        }
        int cut = message.indexOf(" (start marker");
        String first = cut > 0 ? message.substring(0, cut) : message;
        int newline = first.indexOf('\n');
        return newline > 0 ? first.substring(0, newline) : first;
    }
}
