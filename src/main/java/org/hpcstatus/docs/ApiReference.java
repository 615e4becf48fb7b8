package org.hpcstatus.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.hpcstatus.contract.Field;
import org.hpcstatus.contract.FieldType;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.outage.OutageFields;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.SnapshotFields;
import org.hpcstatus.system.SystemKind;

/**
 * What collector authors need to know, read from the same field definitions the service validates with (each kind's
 * {@link KindProfile}, {@link OutageFields}): the documentation page and the OpenAPI schemas are both built from this,
 * so neither can drift from what a post is checked against.
 */
public final class ApiReference {

    /** One field: its JSON name, type, whether a post must carry it, its unit and what values it accepts. */
    public record FieldDoc(String name, String type, boolean required, String unit, String accepts, FieldType kind,
            int maxLength, List<String> allowed) {
    }

    public record ArrayDoc(String name, List<FieldDoc> fields) {
    }

    /** A kind of system: its fields, its arrays, and the guide's example post. */
    public record KindDoc(String kind, String example, String examplePath, List<FieldDoc> fields, List<ArrayDoc> arrays,
            String exampleJson) {
    }

    private ApiReference() {
    }

    public static List<KindDoc> kinds() {
        return Arrays.stream(SystemKind.values()).map(ApiReference::kind).toList();
    }

    public static List<FieldDoc> outageFields() {
        return OutageFields.ALL.stream().map(ApiReference::doc).toList();
    }

    public static String outageExample() {
        return example("outage-guide");
    }

    private static <E> List<FieldDoc> docs(KindProfile profile, ChildArray<E> array) {
        return profile.fieldsOf(array).stream().map(ApiReference::doc).toList();
    }

    private static KindDoc kind(SystemKind kind) {
        KindProfile profile = KindProfile.of(kind);
        String example = profile.exampleSystem();
        String name = example.toLowerCase(Locale.ROOT);
        List<ArrayDoc> arrays = new ArrayList<>();
        for (ChildArray<?> array : profile.arrays()) {
            arrays.add(new ArrayDoc(array.jsonName, docs(profile, array)));
        }
        List<FieldDoc> fields = new ArrayList<>();
        fields.add(doc(SnapshotFields.OBSERVED_AT));
        profile.fields().stream().map(ApiReference::doc).forEach(fields::add);
        return new KindDoc(kind.name().toLowerCase(Locale.ROOT).replace('_', '-'), example, "/api/v1/status/" + name,
                fields, arrays, example(name + "-guide"));
    }

    static FieldDoc doc(Field<?> field) {
        return new FieldDoc(field.name(), typeWords(field.type()), field.required(), unit(field), accepts(field),
                field.type(), field.maxLength(), field.allowed());
    }

    private static String typeWords(FieldType type) {
        return switch (type) {
            case COUNT, LARGE_COUNT -> "integer";
            case PERCENT, AMOUNT -> "number";
            case FLAG -> "boolean";
            case TEXT -> "string";
            case TIMESTAMP -> "string (date-time)";
        };
    }

    private static String unit(Field<?> field) {
        String name = field.name();
        if (field.type() == FieldType.PERCENT) {
            return "percent";
        }
        if (name.endsWith("_gb")) {
            return "GB";
        }
        if (name.endsWith("_tb")) {
            // The deployed collectors measure with df -BTiB (BLOCKSIZE=TiB); the guide's name stayed.
            return "TiB (2^40 bytes)";
        }
        if (name.startsWith("load_")) {
            return "load average";
        }
        if (name.contains("inodes")) {
            return "inodes";
        }
        return "";
    }

    private static String accepts(Field<?> field) {
        return switch (field.type()) {
            case COUNT -> "0 to 2,147,483,647";
            case LARGE_COUNT -> "0 or more";
            case PERCENT -> "0 to 100";
            case AMOUNT -> "0 or more";
            case FLAG -> "true or false";
            case TEXT -> !field.allowed().isEmpty() ? "one of " + String.join(", ", field.allowed())
                    : "at most " + field.maxLength() + " characters";
            case TIMESTAMP -> "ISO-8601 with Z or an offset; without one, read in the configured zone";
        };
    }

    static String example(String name) {
        try (InputStream in = ApiReference.class.getClassLoader().getResourceAsStream("docs/examples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("docs/examples/" + name + ".json is part of the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
