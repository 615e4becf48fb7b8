package org.hpcstatus.docs;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * GET /api/v1/status/ (where the guide says "API Documentation: /api/v1/status/"): every endpoint, every field of a
 * post by kind with its type, unit and range, examples, the error codes, and how to try a payload with ?dry_run=true.
 */
@Path("/api/v1/status")
public class ApiDocsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reference(List<ApiReference.KindDoc> kinds, List<ApiReference.FieldDoc> outage,
                String outageExample);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance reference() {
        return Templates.reference(ApiReference.kinds(), ApiReference.outageFields(), ApiReference.outageExample());
    }
}
