package org.hpcstatus.outage;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.contract.JsonBody;
import org.hpcstatus.security.Permissions;

/**
 * One outage: read it with its timeline (public, like every read), change it, or add to its timeline (operators,
 * EDIT_SYSTEM_STATUS). Collectors keep opening and re-reporting outages through POST /outage.
 */
@Path("/api/v1/status/outages/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class OutageEditResource {

    @Inject
    OutageService outages;

    @Inject
    OutageEditor editor;

    @Inject
    JsonBody json;

    @Inject
    StatusConfig config;

    @Inject
    SecurityIdentity identity;

    /** The outage with its timeline, and its ETag, which If-Match may send back with a change. */
    @GET
    @PermitAll
    public Response outage(@PathParam("id") long id) {
        Outage outage = outages.find(id).orElseThrow(() -> new NotFoundException("No outage " + id));
        return Response.ok(OutageJson.of(outage)).tag(OutageJson.etag(outage)).build();
    }

    /**
     * A partial update: the fields sent change; the version read (in the body, or If-Match), when sent, must still
     * be current; an optional message goes to the timeline.
     */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.EDIT_SYSTEM_STATUS)
    public Response edit(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, byte[] body) {
        Outage outage = editor.edit(id, json.object(body, config.ingest().maxBodyBytes()), ifMatch, who());
        return Response.ok(OutageJson.of(outage)).tag(OutageJson.etag(outage)).build();
    }

    /** A timeline entry ({@code message}, optionally {@code status} to move to); 201 with the outage. */
    @POST
    @Path("/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Permissions.EDIT_SYSTEM_STATUS)
    public Response addUpdate(@PathParam("id") long id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            byte[] body) {
        Outage outage = editor.addUpdate(id, json.object(body, config.ingest().maxBodyBytes()), ifMatch, who());
        return Response.status(Response.Status.CREATED).entity(OutageJson.of(outage)).tag(OutageJson.etag(outage))
                .build();
    }

    private String who() {
        return identity.getPrincipal().getName();
    }
}
