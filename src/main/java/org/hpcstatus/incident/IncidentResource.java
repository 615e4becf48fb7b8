package org.hpcstatus.incident;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.dashboard.RenderedPages;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.Page;
import org.hpcstatus.web.PageChrome;

/** The public incident history page: past and present outages with their timelines, newest first. */
@Path("/outages")
@Produces(MediaType.TEXT_HTML)
public class IncidentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance history(Page page, OutageHistory history);
    }

    @Inject
    IncidentPages incidents;

    @Inject
    SystemCatalog systems;

    @Inject
    PageChrome chrome;

    @Inject
    RenderedPages pages;

    /** ?system= filters (with the outages of all systems), ?page= (from 1) pages. */
    @GET
    public Response history(@QueryParam("system") String systemName, @QueryParam("page") String pageText,
            @Context Request request) {
        Optional<ConfiguredSystem> system = systemName == null || systemName.isBlank() ? Optional.empty()
                : Optional.of(systems.require(systemName));
        int page;
        try {
            page = pageText == null || pageText.isBlank() ? 1 : Integer.parseInt(pageText.strip());
        } catch (NumberFormatException e) {
            page = 0;
        }
        if (page < 1 || page > 100_000) {
            throw new InvalidPayloadException("page must be a whole number from 1, got '" + pageText + "'");
        }
        int index = page - 1;
        return pages.answer(request, () -> Templates.history(chrome.page("Incident history"),
                incidents.page(system, index)));
    }
}
