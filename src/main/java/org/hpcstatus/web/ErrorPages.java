package org.hpcstatus.web;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.hpcstatus.config.StatusConfig;

/** The HTML error page, for errors on pages meant for people (the API answers JSON instead; see ErrorMappers). */
@ApplicationScoped
public class ErrorPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(Page page, int status, String title, String message, String errorId);
    }

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @Inject
    Visitor visitor;

    public String render(int status, String title, String message, String errorId) {
        return Templates.error(Page.of(title, config.dashboard(), clock.instant(), visitor, List.of()), status, title, message, errorId).render();
    }
}
