package org.hpcstatus.ingest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.contract.ConflictException;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.contract.JsonBody;
import org.hpcstatus.contract.PayloadTooLargeException;
import org.hpcstatus.kind.KindProfile;
import org.hpcstatus.security.Permissions;
import org.hpcstatus.snapshot.ChildArray;
import org.hpcstatus.snapshot.StoredSnapshot;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.ClientNotAllowedException;
import org.hpcstatus.web.TooBusyException;

/** The collectors' snapshot endpoint: POST a system's status. */
@Path("/api/v1/status")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Permissions.MANAGE_SYSTEM_STATUS)
public class IngestResource {


    public record DryRunResponse(boolean success, String message, Instant timestamp, List<String> ignoredFields,
            List<String> warnings) {
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
    StatusConfig config;

    @Inject
    CollectorProblems problems;

    @Inject
    SecurityIdentity identity;

    @Inject
    IngestGuard guard;

    @Inject
    PostCounter posts;

    @POST
    @Path("/{system}")
    public Response ingestStatus(@PathParam("system") String systemName,
            @QueryParam("dry_run") @DefaultValue("false") boolean dryRun, byte[] body,
            @Context HttpServerRequest request) {
        ConfiguredSystem system = systems.require(systemName);
        try {
            guard.admit(identity.getPrincipal().getName(), request.remoteAddress() == null ? null
                    : request.remoteAddress().hostAddress());
        } catch (TooBusyException | ClientNotAllowedException refused) {
            posts.count(system, "throttled");
            throw refused;
        }
        if (dryRun) {
            // Lets a collector author check a payload against the live contract without storing anything; its
            // rejections are the author's experiments, not a collector in trouble.
            SnapshotParser.Parsed parsed = parser.parse(system, json.object(body, config.ingest().maxBodyBytes()));
            return Response.ok(new DryRunResponse(true, system.displayName() + " status is valid (dry run: nothing stored)",
                    parsed.rows().snapshot().observedAt, parsed.ignoredFields(), parsed.warnings())).build();
        }
        SnapshotParser.Parsed parsed;
        StoredSnapshot result;
        try {
            // Read here and no further: neither the body nor its JSON tree is referenced while the rows are stored.
            parsed = parser.parse(system, json.object(body, config.ingest().maxBodyBytes()));
            body = null;
            result = ingest.ingest(parsed.rows());
        } catch (InvalidPayloadException | PayloadTooLargeException | ConflictException rejected) {
            posts.count(system, rejected instanceof ConflictException ? "conflict" : "rejected");
            problems.rejected(system, identity.getPrincipal().getName(), statusOf(rejected), rejected.getMessage());
            throw rejected;
        }
        posts.count(system, result.duplicate() ? "duplicate" : "accepted");
        problems.warned(system, parsed.warnings());
        return Response.status(result.duplicate() ? Response.Status.OK : Response.Status.CREATED)
                .entity(answer(system, result, parsed)).build();
    }

    /**
     * The 201 (or a retry's 200): the ids of the snapshot and, for each per-snapshot array the system's kind posts,
     * of its rows in the order posted ("login_node_ids", ...), what was ignored and noticed.
     */
    private static Map<String, Object> answer(ConfiguredSystem system, StoredSnapshot result,
            SnapshotParser.Parsed parsed) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", system.displayName() + " status "
                + (result.duplicate() ? "already stored" : "ingested successfully"));
        answer.put("status_id", result.statusId());
        answer.put("timestamp", result.timestamp());
        for (ChildArray<?> array : KindProfile.of(system.kind()).arrays()) {
            if (array.perSnapshot()) {
                answer.put(array.idsJsonName(), result.idsOf(array));
            }
        }
        if (result.duplicate()) {
            answer.put("duplicate", true);
        }
        answer.put("ignored_fields", parsed.ignoredFields());
        answer.put("warnings", parsed.warnings());
        return answer;
    }

    private static int statusOf(RuntimeException rejected) {
        return rejected instanceof PayloadTooLargeException ? 413 : rejected instanceof ConflictException ? 409 : 400;
    }
}
