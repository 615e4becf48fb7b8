package org.hpcstatus.ingest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hpcstatus.api.PayloadTooLargeException;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.outage.OutageResult;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.security.Permissions;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.system.SystemKind;

/** The collectors' endpoints: POST a status snapshot for a system, or an outage. */
@Path("/api/v1/status")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Permissions.MANAGE_SYSTEM_STATUS)
public class IngestResource {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SnapshotResponse(boolean success, String message, long statusId, Instant timestamp,
            List<Long> loginNodeIds, List<Long> queueIds, List<Long> filesystemIds, List<Long> nodeTypeIds,
            Boolean duplicate, List<String> ignoredFields) {
    }

    public record DryRunResponse(boolean success, String message, Instant timestamp, List<String> ignoredFields) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OutageResponse(boolean success, String message, long outageId, Boolean updated,
            List<String> ignoredFields) {
    }

    @Inject
    SystemCatalog systems;

    @Inject
    JsonBody json;

    @Inject
    SnapshotParser parser;

    @Inject
    IngestService ingest;

    @Inject
    OutageService outages;

    @Inject
    StatusConfig config;

    @POST
    @Path("/outage")
    public Response reportOutage(byte[] body) {
        var outage = outages.parse(json.object(limited(body)));
        OutageResult result = outages.report(outage);
        String message = "Outage " + (result.updated() ? "updated" : "recorded") + " for " + outage.systemName;
        return Response.status(result.updated() ? Response.Status.OK : Response.Status.CREATED)
                .entity(new OutageResponse(true, message, result.outageId(), result.updated() ? true : null, null))
                .build();
    }

    @POST
    @Path("/{system}")
    public Response ingestStatus(@PathParam("system") String systemName,
            @QueryParam("dry_run") @DefaultValue("false") boolean dryRun, byte[] body) {
        ConfiguredSystem system = systems.require(systemName);
        SnapshotReport report = parser.parse(system, json.object(limited(body)));
        if (dryRun) {
            // Lets a collector author check a payload against the live contract without storing anything.
            return Response.ok(new DryRunResponse(true, system.displayName() + " status is valid (dry run: nothing stored)",
                    report.snapshot().observedAt, report.ignoredFields())).build();
        }
        IngestResult result = ingest.ingest(report);
        boolean cluster = system.kind() != SystemKind.JUPYTERHUB;
        var response = new SnapshotResponse(true,
                system.displayName() + " status " + (result.duplicate() ? "already stored" : "ingested successfully"),
                result.statusId(), result.timestamp(),
                cluster ? result.loginNodeIds() : null,
                cluster ? result.queueIds() : null,
                cluster ? result.filesystemIds() : null,
                system.kind() == SystemKind.HETEROGENEOUS_CLUSTER ? result.nodeTypeIds() : null,
                result.duplicate() ? true : null,
                report.ignoredFields());
        return Response.status(result.duplicate() ? Response.Status.OK : Response.Status.CREATED).entity(response).build();
    }

    private byte[] limited(byte[] body) {
        if (body != null && body.length > config.ingest().maxBodyBytes()) {
            throw new PayloadTooLargeException(config.ingest().maxBodyBytes());
        }
        return body;
    }
}
