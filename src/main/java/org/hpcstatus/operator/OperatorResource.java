package org.hpcstatus.operator;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.contract.ConflictException;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.incident.OutageHistory;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageEditor;
import org.hpcstatus.outage.OutageFields;
import org.hpcstatus.outage.OutageResult;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.ErrorPages;
import org.hpcstatus.web.Page;
import org.hpcstatus.web.PageChrome;
import org.hpcstatus.web.Visitor;

/**
 * The operator pages: report an outage, schedule maintenance, and for one outage post an update, change it, or
 * resolve it. Plain HTML forms (no script), each carrying the session's CSRF token, each answered by a redirect
 * (so a reload never posts twice). The forms become the JSON API's own bodies (OutageForm), so every rule and error
 * message is the API's; a form with an error comes back with what was typed and the error above it.
 */
@Path("/operator")
@Produces(MediaType.TEXT_HTML)
public class OperatorResource {

    /** What the redirect after a change tells the operator, by the ?done= it carries. */
    private static final Map<String, String> NOTICES = Map.of("created", "Outage recorded.",
            "updated", "Matched an unresolved outage with the same system, component and title: updated it.",
            "posted", "Update posted.", "changed", "Changes saved.", "resolved", "Outage resolved.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page, OperatorViews.Home home);

        static native TemplateInstance outage(Page page, OperatorViews.OneOutage outage);
    }

    @Inject
    OutageService outages;

    @Inject
    OutageEditor editor;

    @Inject
    SystemCatalog systems;

    @Inject
    PageChrome chrome;

    @Inject
    Visitor visitor;

    @Inject
    ErrorPages errors;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @GET
    public Response home(@QueryParam("done") String done) {
        return refusal("/operator").orElseGet(() -> home(Status.OK, OutageForm.blank("major", "investigating"),
                OutageForm.blank(Outage.MAINTENANCE, "identified"), notice(done), null));
    }

    /** Reports an outage or schedules maintenance (the same form, maintenance preselected). */
    @POST
    @Path("outages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response report(@BeanParam OutageForm form) {
        Optional<Response> refused = refusal("/operator").or(() -> forged(form));
        if (refused.isPresent()) {
            return refused.get();
        }
        boolean maintenance = Outage.MAINTENANCE.equals(form.severity);
        try {
            OutageService.Parsed parsed = outages.parse(form.newOutage(zone()));
            OutageResult result = outages.report(parsed.outage(), visitor.operator());
            return seeOther("/operator/outages/" + result.outageId() + "?done=" + (result.updated() ? "updated" : "created"));
        } catch (InvalidPayloadException | ConflictException e) {
            OutageForm blank = OutageForm.blank("major", "investigating");
            return maintenance ? home(status(e), blank, form, null, e.getMessage())
                    : home(status(e), form, OutageForm.blank(Outage.MAINTENANCE, "identified"), null, e.getMessage());
        }
    }

    @GET
    @Path("outages/{id}")
    public Response outage(@PathParam("id") long id, @QueryParam("done") String done) {
        return refusal("/operator/outages/" + id).orElseGet(() -> {
            Outage outage = existing(id);
            return one(Status.OK, outage, OutageForm.of(outage, zone()), notice(done), null);
        });
    }

    /** A timeline entry, optionally moving the status. */
    @POST
    @Path("outages/{id}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response postUpdate(@PathParam("id") long id, @BeanParam OutageForm form) {
        return change(id, form, "posted", () -> editor.addUpdate(id, form.update(), null, visitor.operator()));
    }

    /** Changes the outage's fields (status, severity, title, times, ...). */
    @POST
    @Path("outages/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @BeanParam OutageForm form) {
        return change(id, form, "changed", () -> editor.edit(id, form.changesTo(existing(id), zone()), null, visitor.operator()));
    }

    @POST
    @Path("outages/{id}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") long id, @BeanParam OutageForm form) {
        return change(id, form, "resolved", () -> editor.edit(id, form.resolution(), null, visitor.operator()));
    }

    private Response change(long id, OutageForm form, String done, Runnable action) {
        Optional<Response> refused = refusal("/operator/outages/" + id).or(() -> forged(form));
        if (refused.isPresent()) {
            return refused.get();
        }
        try {
            action.run();
            return seeOther("/operator/outages/" + id + "?done=" + done);
        } catch (InvalidPayloadException | ConflictException e) {
            // The outage as it is now, the form as typed (its version too: a stale one stays stale until reloaded).
            return one(status(e), existing(id), form, null, e.getMessage());
        }
    }

    private static String notice(String done) {
        return done == null ? null : NOTICES.get(done);
    }

    /** Not logged in: to the login form, and back here after it. Logged in without the permission: 403. */
    private Optional<Response> refusal(String here) {
        if (visitor.operator().isEmpty()) {
            return Optional.of(seeOther("/login?next=" + URLEncoder.encode(here, StandardCharsets.UTF_8)));
        }
        if (!visitor.canEdit()) {
            return Optional.of(page(Status.FORBIDDEN, "Not an operator", "This login may not change outages "
                    + "(EDIT_SYSTEM_STATUS is needed)."));
        }
        return Optional.empty();
    }

    /** A form without this session's CSRF token was not made by this site's page: refused, nothing changed. */
    private Optional<Response> forged(OutageForm form) {
        if (Csrf.matches(visitor.csrfToken(), form.csrf)) {
            return Optional.empty();
        }
        return Optional.of(page(Status.FORBIDDEN, "Form refused", "This form had expired or did not come from this "
                + "site, so nothing was changed. Reload the page and try again."));
    }

    private Response home(Status status, OutageForm report, OutageForm maintenance, String notice, String error) {
        List<OutageHistory.Incident> open = outages.list(false, Optional.empty(), 200).stream()
                .map(o -> OutageHistory.incident(o, clock.instant(), zone(), systems::displayName)).toList();
        OperatorViews.Home home = new OperatorViews.Home(open, report, maintenance, systemChoices(), OutageFields.SEVERITIES,
                OutageFields.STATUSES, zoneLabel(), notice, error);
        return Response.status(status).entity(Templates.home(chrome.page("Operator pages").withoutRefresh(), home)).build();
    }

    private Response one(Status status, Outage outage, OutageForm form, String notice, String error) {
        OperatorViews.OneOutage view = new OperatorViews.OneOutage(OutageHistory.incident(outage, clock.instant(), zone(),
                systems::displayName), outage.resolved(), form, OutageFields.SEVERITIES, OutageFields.STATUSES,
                zoneLabel(), notice, error);
        return Response.status(status).entity(Templates.outage(chrome.page("Outage: " + outage.title).withoutRefresh(),
                view)).build();
    }

    private Outage existing(long id) {
        return outages.find(id).orElseThrow(() -> new NotFoundException("No outage " + id));
    }

    private List<OperatorViews.Choice> systemChoices() {
        return Stream.concat(systems.all().stream().map(s -> new OperatorViews.Choice(s.name(), s.displayName())),
                Stream.of(new OperatorViews.Choice(Outage.ALL_SYSTEMS, "All systems"))).toList();
    }

    private ZoneId zone() {
        return Zones.display(config.dashboard());
    }

    /** "MST (America/Denver)": the zone the forms' times are typed in. */
    private String zoneLabel() {
        return DateTimeFormatter.ofPattern("zzz").format(clock.instant().atZone(zone())) + " (" + zone().getId() + ")";
    }

    private static Status status(RuntimeException e) {
        return e instanceof ConflictException ? Status.CONFLICT : Status.BAD_REQUEST;
    }

    private Response page(Status status, String title, String message) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(errors.render(status.getStatusCode(), title, message, null)).build();
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
