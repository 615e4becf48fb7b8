package org.hpcstatus.outage;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.security.identity.SecurityIdentity;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.contract.JsonBody;
import org.hpcstatus.security.Permissions;

/** The collectors' outage endpoint: POST an outage, which opens one or updates the matching open one. */
@Path("/api/v1/status/outage")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Permissions.MANAGE_SYSTEM_STATUS)
public class OutageResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutageResponse(boolean success, String message, long outageId, Boolean updated,
            @JsonInclude(JsonInclude.Include.ALWAYS) List<String> ignoredFields) {
    }

    @Inject
    JsonBody json;

    @Inject
    OutageService outages;

    @Inject
    StatusConfig config;

    @Inject
    SecurityIdentity identity;

    @POST
    public Response reportOutage(byte[] body) {
        OutageService.Parsed parsed = outages.parse(json.object(body, config.ingest().maxBodyBytes()));
        OutageResult result = outages.report(parsed.outage(), identity.getPrincipal().getName());
        String message = "Outage " + (result.updated() ? "updated" : "recorded") + " for " + parsed.outage().systemName;
        return Response.status(result.updated() ? Response.Status.OK : Response.Status.CREATED)
                .entity(new OutageResponse(true, message, result.outageId(), result.updated() ? true : null,
                        parsed.ignoredFields()))
                .build();
    }
}
