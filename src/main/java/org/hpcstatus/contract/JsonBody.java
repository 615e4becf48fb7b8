package org.hpcstatus.contract;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

/** Turns a request body into a JSON object, or a 400 that says what is wrong with it. */
@ApplicationScoped
public class JsonBody {

    private final ObjectReader reader;

    @Inject
    public JsonBody(ObjectMapper mapper) {
        // Duplicate keys and trailing garbage are almost always collector bugs: say so rather than guess. NaN and
        // Infinity (Python's json writes them) are read, so that validation can name the field that holds one;
        // decimals stay exact, so that 1200000000.0 can be told to be a whole number.
        this.reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        try {
            node = reader.readTree(body);
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
