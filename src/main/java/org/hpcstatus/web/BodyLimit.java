package org.hpcstatus.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import org.hpcstatus.config.StatusConfig;

/**
 * Refuses a declared Content-Length over the limit before the body is read, with the same JSON error body as every
 * other 4xx. Bodies sent without a length are checked again, after reading, by JsonBody.
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    StatusConfig config;

    void install(@Observes Router router) {
        int limit = config.ingest().maxBodyBytes();
        MemorySize transport = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class);
        if (transport.asLongValue() <= limit) {
            // A body sent without a length would then be cut off by the transport, with no JSON error, before the
            // check below could measure it.
            Log.warnf("hpcstatus.ingest.max-body-bytes (%d) is not below quarkus.http.limits.max-body-size (%d bytes):"
                    + " raise the latter, or chunked posts over it get a bare 413", limit, transport.asLongValue());
        }
        String body = "{\"error\":\"Request body is larger than " + limit + " bytes\"}";
        router.route().order(-1000).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredOver(length, limit)) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close").end(body);
                return;
            }
            context.next();
        });
    }

    private static boolean declaredOver(String length, int limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
