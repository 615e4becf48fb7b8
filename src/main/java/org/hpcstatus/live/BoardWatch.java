package org.hpcstatus.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hpcstatus.database.DatabaseNotReady;
import org.hpcstatus.database.DatabaseReady;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.status.SystemState;
import org.hpcstatus.status.SystemStatus;

/**
 * Watches the board, the one place states come from, and tells the stream what changed: every replica polls the
 * latest pointers and the unresolved outages every couple of seconds (three small queries), so a post accepted by
 * another replica, or a collector falling silent, which no post announces, is heard everywhere without new
 * infrastructure. A write answered here makes it look at once. Each board looked at is fired as a CDI event (the
 * per-system metrics are set from it).
 */
@ApplicationScoped
public class BoardWatch {

    /** What an event is told about: a system's newest snapshot and state, and each unresolved outage's version. */
    private record Seen(long snapshotId, SystemState state, long rejections) {
    }

    @Inject
    StatusBoard board;

    @Inject
    LiveStream stream;

    @Inject
    Changes changes;

    @Inject
    ManagedExecutor executor;

    @Inject
    Vertx vertx;

    @Inject
    Event<Looked> looked;

    /**
     * A look at the board and the events it produced (the metrics and the webhooks are set from it); {@code changed}
     * when anything the board says differs from the look before (always on the first).
     */
    public record Looked(StatusBoard.Board board, List<LiveEvent> events, boolean changed) {
    }

    /**
     * The shortest time between two looks asked for by writes. Under a burst of posts (a back-fill, many collectors
     * at once) a look per post kept the watch busy without pause, three queries and the metrics each time, which
     * cost more CPU than the posts themselves; a few looks a second still tell the browsers within a blink.
     */
    static final Duration WRITE_LOOK_GAP = Duration.ofMillis(250);

    private final AtomicBoolean lookRequested = new AtomicBoolean();
    private volatile long lastLookStarted = System.nanoTime() - WRITE_LOOK_GAP.toNanos();
    private Map<String, Seen> systems;
    private Map<Long, Outage> outages;

    /**
     * The first look, which only remembers, is taken before the replica reports ready: otherwise a post accepted
     * between readiness and the first poll would be remembered rather than announced (the first poll may be
     * skipped while the migrations run, and the next is a period later). After the catalog has loaded the systems.
     */
    void firstLook(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) DatabaseReady ready) {
        look();
    }

    @Scheduled(identity = "board-watch", every = "${hpcstatus.live.poll-every:2S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = DatabaseNotReady.class)
    void poll() {
        look();
    }

    /**
     * Looks on a worker thread soon: at once, or {@link #WRITE_LOOK_GAP} after the last look began; requests made
     * while one is pending share it.
     */
    void lookSoon() {
        if (lookRequested.compareAndSet(false, true)) {
            long waitMillis = Duration.ofNanos(lastLookStarted + WRITE_LOOK_GAP.toNanos() - System.nanoTime()).toMillis();
            Runnable lookNow = () -> executor.execute(() -> {
                lookRequested.set(false);
                look();
            });
            if (waitMillis <= 0) {
                lookNow.run();
            } else {
                vertx.setTimer(waitMillis, timer -> lookNow.run());
            }
        }
    }

    /** Compares the board with what was seen before and publishes the differences; the first look only remembers. */
    public synchronized void look() {
        lastLookStarted = System.nanoTime();
        StatusBoard.Board now;
        try {
            now = board.all(true);
        } catch (RuntimeException e) {
            Log.debugf("Board watch: the database did not answer (%s); trying again at the next poll", e.toString());
            return;
        }
        boolean first = systems == null;
        List<LiveEvent.Draft> events = new ArrayList<>();
        Map<String, Seen> seen = new HashMap<>();
        for (SystemStatus status : now.systems()) {
            String name = status.system().name();
            long snapshotId = status.latest() == null ? 0 : status.latest().snapshot().id;
            SystemState state = status.verdict().state();
            seen.put(name, new Seen(snapshotId, state, status.rejection() == null ? 0 : status.rejection().rejections));
            Seen before = first ? null : systems.get(name);
            if (before == null) {
                continue;
            }
            if (snapshotId != before.snapshotId() && snapshotId != 0) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("system", name);
                data.put("status_id", snapshotId);
                data.put("timestamp", status.observedAt().toString());
                data.put("state", state.jsonName());
                events.add(new LiveEvent.Draft("snapshot", data));
            }
            if (state != before.state()) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("system", name);
                data.put("state", state.jsonName());
                data.put("previous", before.state().jsonName());
                data.put("reasons", status.verdict().reasons());
                data.put("at", now.now().toString());
                events.add(new LiveEvent.Draft("state", data));
            }
        }
        Map<Long, String> names = new HashMap<>();
        now.systems().forEach(status -> names.put(status.system().id(), status.system().name()));
        Map<Long, Outage> unresolved = new HashMap<>();
        now.activeOutages().forEach(o -> unresolved.put(o.id, o));
        now.upcoming().forEach(o -> unresolved.put(o.id, o));
        if (!first) {
            unresolved.values().forEach(o -> {
                Outage before = outages.get(o.id);
                if (before == null) {
                    events.add(outageEvent("opened", o, o.status, names));
                } else if (before.version != o.version) {
                    events.add(outageEvent("updated", o, o.status, names));
                }
            });
            outages.values().stream().filter(o -> !unresolved.containsKey(o.id))
                    .forEach(o -> events.add(outageEvent("resolved", o, Outage.RESOLVED, names)));
        }
        boolean changed = !first && (!seen.equals(systems) || !events.isEmpty());
        systems = seen;
        outages = unresolved;
        if (changed) {
            changes.bump();
        }
        looked.fire(new Looked(now, stream.publish(events, now.now()), first || changed));
    }

    private static LiveEvent.Draft outageEvent(String change, Outage o, String status, Map<Long, String> names) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change", change);
        data.put("outage_id", o.id);
        data.put("system", o.systemId == null ? Outage.ALL_SYSTEMS : names.getOrDefault(o.systemId, "?"));
        data.put("title", o.title);
        data.put("severity", o.severity);
        data.put("status", status);
        data.put("version", o.version);
        return new LiveEvent.Draft("outage", data);
    }
}
