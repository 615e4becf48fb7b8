package org.hpcstatus.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * The collector runs without the service's classes, so it carries the service's field definitions as data:
 * src/main/resources/org/hpcstatus/collector/contract.json, every field of every kind and array with its type,
 * whether it is required and the values it may take, written from the same definitions the service validates with
 * (those of the API reference). This fails when they part: the message says how to bring the file up to date.
 */
class CollectorContractFileTests {

    private static final Path COMMITTED = Path.of("src/main/resources/org/hpcstatus/collector/contract.json");
    private static final Path WRITTEN = Path.of("target/collector-contract.json");

    @Test
    void theCollectorsCopyOfTheContractIsTheServices() throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode contract = json.createObjectNode();
        for (ApiReference.KindDoc kind : ApiReference.kinds()) {
            ObjectNode entry = contract.putObject(kind.kind());
            fields(entry.putObject("fields"), kind.fields());
            ObjectNode arrays = entry.putObject("arrays");
            for (ApiReference.ArrayDoc array : kind.arrays()) {
                fields(arrays.putObject(array.name()), array.fields());
            }
        }
        fields(contract.putObject("outage").putObject("fields"), ApiReference.outageFields());
        String expected = json.writeValueAsString(contract) + "\n";
        Files.createDirectories(WRITTEN.getParent());
        Files.writeString(WRITTEN, expected, StandardCharsets.UTF_8);
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED, StandardCharsets.UTF_8) : "";
        assertEquals(expected, committed, "the service's fields changed: cp " + WRITTEN + " " + COMMITTED
                + " (and teach the collector the new ones)");
    }

    private static void fields(ObjectNode into, List<ApiReference.FieldDoc> fields) {
        for (ApiReference.FieldDoc field : fields) {
            ObjectNode f = into.putObject(field.name());
            f.put("type", field.kind().name());
            f.put("required", field.required());
            if (!field.allowed().isEmpty()) {
                field.allowed().forEach(f.putArray("allowed")::add);
            }
        }
    }
}
