package org.hpcstatus.badge;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.status.SystemState;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;
import org.hpcstatus.web.Conditional;
import org.hpcstatus.web.StateStyles;

/** /badge/{system}.svg: the system's state as a badge for documentation sites and MOTD pages. */
@Path("/badge")
public class BadgeResource {

    /** As the pages: a reverse proxy or an image cache may keep it a minute. */
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    @Inject
    SystemCatalog systems;

    @Inject
    StatusBoard board;

    @GET
    @Path("{system}.svg")
    public Response badge(@PathParam("system") String systemName, @Context Request request) {
        ConfiguredSystem system = systems.require(systemName);
        SystemState state = board.of(system).verdict().state();
        return Conditional.of(request, Badge.svg(system.displayName(), StateStyles.label(state), state),
                "image/svg+xml;charset=UTF-8", MAX_AGE);
    }
}
