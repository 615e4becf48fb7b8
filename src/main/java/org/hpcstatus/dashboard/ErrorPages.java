package org.hpcstatus.dashboard;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.hpcstatus.dashboard.DashboardViews.Page;

/** The HTML error page, for errors on dashboard pages (the API answers JSON instead; see ErrorMappers). */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Page page, int status, String title, String message, String errorId);
    }

    @Inject
    DashboardService dashboard;

    public String render(int status, String title, String message, String errorId) {
        return Templates.error(dashboard.page(title), status, title, message, errorId).render();
    }
}
