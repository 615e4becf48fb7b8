package org.hpcstatus.docs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The OpenAPI document's request schemas, from the field definitions posts are validated with: one schema per kind
 * of system and one for outages (types, required fields, ranges, allowed values), used as the request bodies of the
 * collectors' POSTs (whose Java signature is only bytes, read by the service's strict reader).
 */
public class OpenApiSchemas implements OASFilter {

    private static final String REF = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        List<Schema> kinds = new ArrayList<>();
        for (ApiReference.KindDoc kind : ApiReference.kinds()) {
            String name = schemaName(kind.kind()) + "Snapshot";
            Schema schema = object(kind.fields()).description("A " + kind.kind() + " snapshot, as " + kind.example()
                    + "'s collector posts it to " + kind.examplePath());
            for (ApiReference.ArrayDoc array : kind.arrays()) {
                schema.addProperty(array.name(), OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(object(array.fields())));
            }
            openAPI.getComponents().addSchema(name, schema);
            kinds.add(OASFactory.createSchema().ref(REF + name));
        }
        openAPI.getComponents().addSchema("Outage", object(ApiReference.outageFields())
                .description("An outage, as POST /api/v1/status/outage takes it"));
        body(openAPI, "/api/v1/status/{system}", OASFactory.createSchema().oneOf(kinds),
                "A snapshot of the system's kind: a cluster (Derecho), a heterogeneous cluster (Casper), a JupyterHub");
        body(openAPI, "/api/v1/status/outage", OASFactory.createSchema().ref(REF + "Outage"), "An outage");
    }

    private static void body(OpenAPI openAPI, String path, Schema schema, String description) {
        PathItem item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(path);
        Operation post = item == null ? null : item.getPOST();
        if (post == null) {
            return;
        }
        post.setRequestBody(OASFactory.createRequestBody().required(true).description(description)
                .content(OASFactory.createContent().addMediaType("application/json",
                        OASFactory.createMediaType().schema(schema))));
    }

    /** An object of these fields; other fields are allowed (a post's unknown fields are ignored and listed). */
    static Schema object(List<ApiReference.FieldDoc> fields) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT);
        for (ApiReference.FieldDoc field : fields) {
            schema.addProperty(field.name(), property(field));
            if (field.required()) {
                schema.addRequired(field.name());
            }
        }
        return schema;
    }

    private static Schema property(ApiReference.FieldDoc field) {
        Schema s = OASFactory.createSchema();
        switch (field.kind()) {
            case COUNT -> s.addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO)
                    .maximum(BigDecimal.valueOf(Integer.MAX_VALUE));
            case LARGE_COUNT -> s.addType(Schema.SchemaType.INTEGER).minimum(BigDecimal.ZERO);
            case PERCENT -> s.addType(Schema.SchemaType.NUMBER).minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(100));
            case AMOUNT -> s.addType(Schema.SchemaType.NUMBER).minimum(BigDecimal.ZERO);
            case FLAG -> s.addType(Schema.SchemaType.BOOLEAN);
            case TEXT -> {
                s.addType(Schema.SchemaType.STRING).maxLength(field.maxLength());
                if (!field.allowed().isEmpty()) {
                    s.enumeration(new ArrayList<>(field.allowed()));
                }
            }
            case TIMESTAMP -> s.addType(Schema.SchemaType.STRING).description("ISO-8601; without an offset, read in"
                    + " the configured zone; \"YYYY-MM-DD HH:MM:SS\" too");
        }
        if (!field.required()) {
            s.addType(Schema.SchemaType.NULL);
        }
        if (!field.unit().isEmpty()) {
            s.description((s.getDescription() == null ? "" : s.getDescription() + "; ") + "unit: " + field.unit());
        }
        return s;
    }

    private static String schemaName(String kind) {
        StringBuilder name = new StringBuilder();
        for (String part : kind.split("-")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
