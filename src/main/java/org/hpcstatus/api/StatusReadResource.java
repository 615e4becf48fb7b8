package org.hpcstatus.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.security.Permissions;
import org.hpcstatus.snapshot.Reservation;
import org.hpcstatus.status.Availability;
import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.store.Snapshots;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.ApiError;
import org.hpcstatus.web.Conditional;

/**
 * The JSON read API: the state of every system, a system's latest snapshot, and outages. Public unless hpcstatus.api.read-requires-login (an
 * HTTP permission in application.properties).
 */
@Path("/api/v1/status")
@Produces(MediaType.APPLICATION_JSON)
public class StatusReadResource {

    private static final int MAX_OUTAGES = 1000;
    /** As for the pages: a reverse proxy may answer for a few seconds. */
    private static final Duration MAX_AGE = Duration.ofSeconds(5);
    /** Fields that move with the clock alone: left out of the ETag. */
    private static final Set<String> CLOCK_FIELDS = Set.of("generated_at", "age_seconds");

    @Inject
    ObjectMapper json;

    @Inject
    SystemCatalog systems;

    @Inject
    Snapshots snapshots;

    @Inject
    OutageService outages;

    @Inject
    StatusBoard board;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @Inject
    StatusConfig config;

    private Optional<ConfiguredSystem> systemFilter(String systemName) {
        if (systemName == null || systemName.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(systems.find(systemName).orElseThrow(() -> new InvalidPayloadException(
                "system_name '" + systemName + "' is not a configured system")));
    }

    @GET
    @Path("/{system}/latest")
    public Response latest(@PathParam("system") String systemName, @Context Request request) {
        ConfiguredSystem system = systems.require(systemName);
        Instant now = clock.instant();
        boolean userInfo = identity.hasRole(Permissions.VIEW_SYSTEM_STATUS_USER_INFO);
        return snapshots.latest(system)
                .map(latest -> conditional(request, SnapshotJson.latest(latest, now,
                        latest.currentReservations(now, config.ingest().reservationForgetAfter()), userInfo), userInfo))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND)
                        .entity(ApiError.of("No data yet for " + system.name())).build());
    }

    /**
     * Every configured system's state (operational, degraded, down, maintenance, stale, no_data), judged by the same
     * rules as the pages: the one document a site's other tools (chat bots, MOTD scripts, Grafana) read.
     */
    @GET
    @Path("/summary")
    public Response summary(@Context Request request) {
        return conditional(request, summaryJson(), false);
    }

    private Map<String, Object> summaryJson() {
        StatusBoard.Board all = board.all(true);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("generated_at", all.now());
        Map<String, Availability.Report> availability = board.availability();
        json.put("systems", all.systems().stream()
                .map(s -> SnapshotJson.summary(s, availability.get(s.system().name()), s.latest() == null ? List.of()
                        : s.latest().currentReservations(all.now(), config.ingest().reservationForgetAfter())))
                .toList());
        return json;
    }

    /** Reservations still reported and not ended, soonest first; of one system, and only those not begun, if asked. */
    @GET
    @Path("/reservations")
    public List<Map<String, Object>> reservations(@QueryParam("system_name") String systemName,
            @QueryParam("upcoming_only") @DefaultValue("false") boolean upcomingOnly) {
        List<ConfiguredSystem> wanted = systemFilter(systemName).map(List::of).orElse(systems.all());
        Instant now = clock.instant();
        // Only a post that moves a system's latest pointer writes reservations, so they come with that snapshot.
        List<Map.Entry<ConfiguredSystem, Reservation>> found = new ArrayList<>();
        snapshots.latest(wanted).values().forEach(latest -> latest
                .currentReservations(now, config.ingest().reservationForgetAfter()).stream()
                .filter(r -> !upcomingOnly || r.startTime != null && r.startTime.isAfter(now))
                .forEach(r -> found.add(Map.entry(latest.system(), r))));
        found.sort(Comparator.comparing((Map.Entry<ConfiguredSystem, Reservation> e) -> e.getValue().startTime,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(e -> e.getValue().reservationName));
        return found.stream().map(e -> SnapshotJson.reservation(e.getValue(), e.getKey())).toList();
    }

    @GET
    @Path("/outages")
    public Response outages(@QueryParam("include_resolved") @DefaultValue("false") boolean includeResolved,
            @QueryParam("system_name") String systemName,
            @QueryParam("limit") @DefaultValue("100") String limitText, @Context Request request) {
        Optional<ConfiguredSystem> system = systemFilter(systemName);
        // Read by hand: a parameter JAX-RS cannot convert is a 404, and "limit=abc" is the client's mistake, a 400.
        int limit;
        try {
            limit = Integer.parseInt(limitText.strip());
        } catch (NumberFormatException e) {
            throw new InvalidPayloadException("limit must be a whole number from 1 to " + MAX_OUTAGES + ", got '"
                    + limitText + "'");
        }
        if (limit < 1 || limit > MAX_OUTAGES) {
            throw new InvalidPayloadException("limit must be from 1 to " + MAX_OUTAGES + ", got " + limit);
        }
        return conditional(request, outages.list(includeResolved, system, limit).stream().map(SnapshotJson::outage)
                .toList(), false);
    }

    /**
     * A JSON answer with a weak ETag that ignores how old the data is, and a Cache-Control for a reverse proxy (or
     * none when it carries a login's personal data).
     */
    private Response conditional(Request request, Object document, boolean personal) {
        JsonNode tree = json.valueToTree(document);
        return Conditional.of(request, tree.toString(), Conditional.weakTagOf(tree, CLOCK_FIELDS),
                MediaType.APPLICATION_JSON, personal ? Conditional.personal() : Conditional.shared(MAX_AGE), false);
    }
}
