package org.hpcstatus.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import org.hpcstatus.live.Changes;
import org.hpcstatus.web.Conditional;
import org.hpcstatus.web.Visitor;

/**
 * Public pages as rendered, per address, palette and version of what they show ({@link Changes}: moved by every
 * write and by every change the board watch sees) and per minute (pages say how long ago things happened): a page
 * is rendered once per change, not once per request, and answered with an ETag. Pages for an operator's session or
 * a login (Basic credentials) are rendered each time and kept by no cache.
 */
@ApplicationScoped
public class RenderedPages {

    /** What a reverse proxy may serve without asking: a few seconds, against the pages' 60 s refresh. */
    static final Duration SHARED_MAX_AGE = Duration.ofSeconds(5);
    private static final String HTML = "text/html;charset=UTF-8";

    private record Rendered(String body, EntityTag tag) {
    }

    private final Cache<String, Rendered> rendered = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofMinutes(2)).build();

    @Inject
    Changes changes;

    @Inject
    Visitor visitor;

    @Inject
    CurrentVertxRequest current;

    @Inject
    Clock clock;

    public Response answer(Request request, Supplier<TemplateInstance> page) {
        boolean personal = current.getCurrent().request().getHeader(HttpHeaders.AUTHORIZATION) != null
                || !visitor.operator().isEmpty();
        Rendered answer;
        CacheControl cache;
        if (personal) {
            answer = render(page);
            cache = Conditional.personal();
        } else {
            String key = changes.version() + "\0" + clock.millis() / 60_000 + "\0" + visitor.theme() + "\0"
                    + current.getCurrent().request().uri();
            answer = rendered.get(key, k -> render(page));
            cache = Conditional.shared(SHARED_MAX_AGE);
        }
        return Conditional.of(request, answer.body(), answer.tag(), HTML, cache, true);
    }

    private static Rendered render(Supplier<TemplateInstance> page) {
        String body = page.get().render();
        return new Rendered(body, Conditional.tagOf(body));
    }
}
