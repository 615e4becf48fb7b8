package org.hpcstatus.live;

import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.web.TooBusyException;

/**
 * GET /api/v1/status/stream: Server-Sent Events, one per snapshot that becomes a system's latest, per state change
 * (stale included) and per outage opened, updated or resolved; a comment line every heartbeat. A client that
 * reconnects with Last-Event-ID (browsers do) is first sent the kept events after it.
 */
@Path("/api/v1/status/stream")
public class StreamResource {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    @Inject
    LiveStream stream;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                after = Long.parseLong(lastEventId.strip());
            } catch (NumberFormatException e) {
                throw new InvalidPayloadException("Last-Event-ID must be an event id this stream sent, got '"
                        + lastEventId + "'");
            }
        }
        if (!stream.subscribe(sink, sse, after)) {
            throw new TooBusyException("This replica serves as many event-stream clients as it is configured for"
                    + " (hpcstatus.live.max-clients); try again later", false, RETRY_AFTER);
        }
    }
}
