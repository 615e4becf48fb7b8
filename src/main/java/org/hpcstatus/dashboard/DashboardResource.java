package org.hpcstatus.dashboard;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import org.hpcstatus.glance.Headline;
import org.hpcstatus.glance.Upcoming;
import org.hpcstatus.chart.ChartPages;
import org.hpcstatus.chart.ChartViews;
import org.hpcstatus.chart.Charts;
import org.hpcstatus.chart.QueuePages;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.dashboard.DashboardViews.Card;
import org.hpcstatus.dashboard.DashboardViews.Detail;
import org.hpcstatus.dashboard.DashboardViews.OutageRow;
import org.hpcstatus.security.Permissions;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.LocalPaths;
import org.hpcstatus.web.Page;
import org.hpcstatus.web.PageChrome;
import org.hpcstatus.web.Visitor;

/** The server-rendered dashboard: an overview of every system, and a page per system. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Page page, Headline headline, List<Card> cards, List<OutageRow> outages,
                List<Upcoming.UpcomingRow> upcoming);

        static native TemplateInstance detail(Page page, Detail detail, ChartViews.ChartsView charts,
                DashboardViews.UserLoadView userLoad);

        static native TemplateInstance queue(Page page, ChartViews.QueuePage queue);

        static native TemplateInstance series(Page page, ChartViews.SeriesPage series);
    }

    @Inject
    OverviewPage overviewPage;

    @Inject
    SystemPage systemPage;

    @Inject
    ChartPages chartPages;

    @Inject
    PageChrome chrome;

    @Inject
    SystemCatalog systems;

    @Inject
    QueuePages queues;

    @Inject
    SecurityIdentity identity;

    @Inject
    RenderedPages pages;

    @GET
    public Response overview(@Context Request request) {
        return pages.answer(request, () -> {
            OverviewPage.Overview overview = overviewPage.build();
            return Templates.overview(overview.page(), overview.headline(), overview.cards(), overview.outages(),
                    overview.upcoming());
        });
    }

    /**
     * The palette chosen by a plain link (no script): a cookie the layout reads, so the page arrives in that palette
     * with nothing to flash. "auto" forgets the choice; the browser's preference applies again.
     */
    @GET
    @Path("theme/{choice}")
    public Response theme(@PathParam("choice") String choice, @QueryParam("back") String back) {
        Optional<String> theme = Visitor.validTheme(choice);
        if (theme.isEmpty() && !"auto".equals(choice)) {
            throw new InvalidPayloadException("The palette is one of auto, light, dark; got '" + choice + "'");
        }
        NewCookie cookie = new NewCookie.Builder(Visitor.THEME_COOKIE).value(theme.orElse("")).path("/")
                .maxAge(theme.isPresent() ? (int) Duration.ofDays(400).toSeconds() : 0)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(LocalPaths.orDefault(back, "/"))).cookie(cookie).build();
    }

    /** /status alone is where people guess the overview is. */
    @GET
    @Path("status")
    public Response statusIndex() {
        return Response.seeOther(URI.create("/")).build();
    }

    @GET
    @Path("status/{system}")
    public Response detail(@PathParam("system") String systemName, @QueryParam("range") String rangeKey,
            @Context Request request) {
        ConfiguredSystem system = systems.require(systemName);
        Charts.Range range = range(rangeKey);
        return pages.answer(request, () -> {
            boolean userInfo = identity.hasRole(Permissions.VIEW_SYSTEM_STATUS_USER_INFO);
            return Templates.detail(chrome.page(system.displayName() + " status"), systemPage.build(system, userInfo),
                    chartPages.ofSystem(system, range), userInfo ? systemPage.userLoad(system, range) : null);
        });
    }

    /** A queue's page: "will my job start soon?" */
    @GET
    @Path("status/{system}/queues/{queue}")
    public Response queue(@PathParam("system") String systemName, @PathParam("queue") String queue,
            @QueryParam("range") String rangeKey, @Context Request request) {
        ConfiguredSystem system = systems.require(systemName);
        Charts.Range range = range(rangeKey);
        return pages.answer(request, () -> Templates.queue(chrome.page(system.displayName() + " queue " + queue),
                queues.of(system, queue, range)));
    }

    @GET
    @Path("status/{system}/partitions/{partition}")
    public Response partition(@PathParam("system") String systemName, @PathParam("partition") String key,
            @QueryParam("range") String rangeKey, @Context Request request) {
        ConfiguredSystem system = systems.require(systemName);
        Charts.Range range = range(rangeKey);
        return pages.answer(request, () -> {
            ChartViews.SeriesPage page = chartPages.partition(system, key, range);
            return Templates.series(chrome.page(system.displayName() + ": " + page.title()), page);
        });
    }

    @GET
    @Path("status/{system}/node-types/{type}")
    public Response nodeType(@PathParam("system") String systemName, @PathParam("type") String type,
            @QueryParam("range") String rangeKey, @Context Request request) {
        ConfiguredSystem system = systems.require(systemName);
        Charts.Range range = range(rangeKey);
        return pages.answer(request, () -> {
            ChartViews.SeriesPage page = chartPages.nodeType(system, type, range);
            return Templates.series(chrome.page(system.displayName() + ": " + page.title()), page);
        });
    }

    private static Charts.Range range(String key) {
        return key == null || key.isBlank() ? Charts.Range.DAY : Charts.Range.of(key)
                .orElseThrow(() -> new InvalidPayloadException("range is one of 24h, 7d, 30d, 1y; got '" + key + "'"));
    }
}
