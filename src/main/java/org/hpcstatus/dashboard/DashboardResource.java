package org.hpcstatus.dashboard;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import org.hpcstatus.dashboard.DashboardViews.Card;
import org.hpcstatus.dashboard.DashboardViews.Detail;
import org.hpcstatus.dashboard.DashboardViews.OutageRow;
import org.hpcstatus.security.Permissions;
import org.hpcstatus.web.Page;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;

/** The server-rendered dashboard: an overview of every system, and a page per system. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Page page, Headline headline, List<Card> cards, List<OutageRow> outages,
                List<Upcoming.UpcomingRow> upcoming);

        static native TemplateInstance detail(Page page, Detail detail);
    }

    @Inject
    DashboardService dashboard;

    @Inject
    SystemCatalog systems;

    @Inject
    SecurityIdentity identity;

    @GET
    public TemplateInstance overview() {
        DashboardService.Overview overview = dashboard.overview();
        return Templates.overview(overview.page(), overview.headline(), overview.cards(), overview.outages(), overview.upcoming());
    }

    /** /status alone is where people guess the overview is. */
    @GET
    @Path("status")
    public Response statusIndex() {
        return Response.seeOther(URI.create("/")).build();
    }

    @GET
    @Path("status/{system}")
    public TemplateInstance detail(@PathParam("system") String systemName) {
        ConfiguredSystem system = systems.require(systemName);
        return Templates.detail(dashboard.page(system.displayName() + " status"),
                dashboard.detail(system, identity.hasRole(Permissions.VIEW_SYSTEM_STATUS_USER_INFO)));
    }
}
