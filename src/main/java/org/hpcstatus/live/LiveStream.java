package org.hpcstatus.live;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import org.hpcstatus.config.StatusConfig;

/**
 * The event stream's clients and its recent events: each event is numbered, kept (the last {@value #KEPT}) so that
 * a client reconnecting with Last-Event-ID is sent what it missed, and sent to every client connected here.
 */
@ApplicationScoped
public class LiveStream {

    static final int KEPT = 500;

    private record Client(SseEventSink sink, Sse sse) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    StatusConfig config;

    private final Deque<LiveEvent> recent = new ArrayDeque<>();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private long lastId;

    /** Numbers, keeps and sends the events of one look at the board; returns them numbered. */
    synchronized List<LiveEvent> publish(List<LiveEvent.Draft> drafts, Instant at) {
        List<LiveEvent> published = new ArrayList<>(drafts.size());
        for (LiveEvent.Draft draft : drafts) {
            lastId = Math.max(lastId + 1, at.toEpochMilli() * 1000);
            LiveEvent event = new LiveEvent(lastId, draft.type(), draft.data());
            recent.addLast(event);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
            clients.forEach(client -> send(client, event));
            published.add(event);
        }
        return published;
    }

    /**
     * Adds a client, first sending it the kept events after {@code after} (its Last-Event-ID); false when this
     * replica has as many clients as it serves.
     */
    synchronized boolean subscribe(SseEventSink sink, Sse sse, Long after) {
        if (clients.size() >= config.live().maxClients()) {
            return false;
        }
        Client client = new Client(sink, sse);
        sink.send(sse.newEventBuilder().comment("hpc-status events").build());
        if (after != null) {
            since(after).forEach(e -> send(client, e));
        }
        clients.add(client);
        return true;
    }

    /** The kept events after {@code after}, oldest first: what a reconnecting client missed. */
    synchronized List<LiveEvent> since(long after) {
        return recent.stream().filter(e -> e.id() > after).toList();
    }

    int clients() {
        return clients.size();
    }

    @Scheduled(identity = "stream-heartbeat", every = "${hpcstatus.live.heartbeat-every:15S}")
    void heartbeat() {
        clients.forEach(client -> {
            if (client.sink().isClosed()) {
                clients.remove(client);
            } else {
                client.sink().send(client.sse().newEventBuilder().comment("keep-alive").build())
                        .whenComplete((sent, gone) -> dropIfGone(client, gone));
            }
        });
    }

    private void send(Client client, LiveEvent event) {
        if (client.sink().isClosed()) {
            clients.remove(client);
            return;
        }
        OutboundSseEvent sse;
        try {
            // data as a JSON string, without a media type (which would add a non-standard content-type line)
            sse = client.sse().newEventBuilder().id(Long.toString(event.id())).name(event.type())
                    .data(json.writeValueAsString(event.data())).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event's data is plain maps and strings", e);
        }
        client.sink().send(sse).whenComplete((sent, gone) -> dropIfGone(client, gone));
    }

    private void dropIfGone(Client client, Throwable gone) {
        if (gone == null) {
            return;
        }
        clients.remove(client);
        try {
            client.sink().close();
        } catch (RuntimeException alreadyClosed) {
            // the connection is gone either way
        }
    }
}
