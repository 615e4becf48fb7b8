package org.hpcstatus.docs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/**
 * Swagger UI's page sets itself up with an inline script and inline styles, which the pages' strict
 * Content-Security-Policy forbids; under /q/swagger-ui only, the policy allows them (still nothing from another
 * origin: its files are served by the service).
 */
@ApplicationScoped
public class SwaggerUiPolicy {

    static final String POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route("/q/swagger-ui*").order(-2000).handler(context -> {
            context.addHeadersEndHandler(ignored -> context.response().headers().set("Content-Security-Policy", POLICY));
            context.next();
        });
    }
}
