package org.hpcstatus.live;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every write request this replica answers (a post accepted or rejected, an outage changed) may change what the
 * pages show: it moves the page version at once and asks the watch to look, so that its events go out now rather
 * than at the next poll.
 */
public class WriteFilter {

    @Inject
    Changes changes;

    @Inject
    BoardWatch watch;

    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request) {
        String method = request.getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method) && !"OPTIONS".equals(method)) {
            changes.bump();
            watch.lookSoon();
        }
    }
}
