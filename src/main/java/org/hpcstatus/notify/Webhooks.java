package org.hpcstatus.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import org.hpcstatus.config.StatusConfig.Webhook.Event;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.live.BoardWatch;
import org.hpcstatus.live.LiveEvent;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.status.StatusBoard;
import org.hpcstatus.status.SystemStatus;
import org.hpcstatus.system.SystemsConfig;

/**
 * Turns what the board watch saw into notifications and records each, per configured hook that wants it, in the
 * outbox (webhook_delivery); {@link WebhookSender} delivers them. Every replica records what it sees; the outbox's
 * unique key makes one row of an event several replicas saw. Recording is a few inserts on the watch's thread,
 * never on a post's.
 */
@Singleton
public class Webhooks {

    static final Duration MAINTENANCE_NOTICE = Duration.ofHours(24);

    @Inject
    StatusConfig config;

    @Inject
    WebhookOutbox outbox;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Keys this replica recorded (or found recorded): not inserted again on every look. */
    private final Set<String> recorded = ConcurrentHashMap.newKeySet();

    /** What this replica remembers having recorded; a test empties it to play a second replica. */
    Set<String> recordedKeys() {
        return recorded;
    }

    /** A hook naming a system that is not configured would never send a word: the service refuses to start. */
    void checkSystems(@Observes StartupEvent start, SystemsConfig systems) {
        Set<String> known = systems.systems().keySet().stream().map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        config.webhooks().forEach((hook, settings) -> settings.systems().orElse(List.of()).stream()
                .filter(name -> !known.contains(name.toLowerCase(Locale.ROOT))).findFirst().ifPresent(name -> {
                    throw new IllegalStateException("hpcstatus.webhooks.\"" + hook + "\".systems names " + name
                            + ", which is not a configured system (" + String.join(", ", new TreeSet<>(known)) + ")");
                }));
    }

    void onLook(@Observes BoardWatch.Looked look) {
        if (config.webhooks().isEmpty()) {
            return;
        }
        record(notifications(look));
    }

    static List<Notification> notifications(BoardWatch.Looked look) {
        StatusBoard.Board board = look.board();
        Map<String, SystemStatus> byName = board.systems().stream()
                .collect(Collectors.toMap(s -> s.system().name(), s -> s));
        List<Notification> found = new ArrayList<>();
        for (LiveEvent event : look.events()) {
            Map<String, Object> data = event.data();
            String system = String.valueOf(data.get("system"));
            if (event.type().equals("state")) {
                SystemStatus status = byName.get(system);
                String state = String.valueOf(data.get("state"));
                if (state.equals("operational") && "no_data".equals(data.get("previous"))) {
                    continue; // a system's first snapshot is no news
                }
                String name = status == null ? system : status.system().displayName();
                String judgedFrom = status == null ? "" : (status.latest() == null ? 0 : status.latest().snapshot().id)
                        + ":" + status.activeOutages().stream().map(o -> o.id + "v" + o.version).collect(Collectors.joining(","));
                boolean stale = state.equals("stale");
                String text = stale ? name + ": no update from its collector for over "
                        + (status == null ? "?" : status.system().staleAfter().toMinutes()) + " minutes (stale)"
                        : state.equals("operational") ? name + " recovered: operational (was " + data.get("previous") + ")"
                        : name + " is " + state.replace('_', ' ') + reasons(data.get("reasons"));
                found.add(new Notification(stale ? Event.STALE : Event.STATE,
                        "state:" + system + ":" + state + ":" + judgedFrom, system, text, data));
            } else if (event.type().equals("outage")) {
                String change = String.valueOf(data.get("change"));
                String key = "outage:" + data.get("outage_id") + ":" + change
                        + (change.equals("updated") ? ":v" + data.get("version") : "");
                String text = "Outage " + change + (system.equals(Outage.ALL_SYSTEMS) ? " on all systems" : " on "
                        + (byName.containsKey(system) ? byName.get(system).system().displayName() : system))
                        + ": " + data.get("title") + " (" + data.get("severity") + ", " + data.get("status") + ")";
                found.add(new Notification(Event.OUTAGE, key, system, text, data));
            }
        }
        for (SystemStatus status : board.systems()) {
            if (status.rejection() != null) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("system", status.system().name());
                data.put("since", status.rejection().firstAt.toString());
                data.put("last_error", status.rejection().lastError);
                found.add(new Notification(Event.REJECTED, "rejected:" + status.system().name() + ":"
                        + status.rejection().firstAt, status.system().name(), status.system().displayName()
                        + "'s collector posts are being rejected: " + status.rejection().lastError, data));
            }
        }
        for (Outage o : board.upcoming()) {
            if (Outage.MAINTENANCE.equals(o.severity) && o.startTime != null
                    && !o.startTime.isAfter(board.now().plus(MAINTENANCE_NOTICE))) {
                SystemStatus on = o.systemId == null ? null : board.systems().stream()
                        .filter(s -> s.system().id() == o.systemId).findFirst().orElse(null);
                String system = on == null ? Outage.ALL_SYSTEMS : on.system().name();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("outage_id", o.id);
                data.put("system", system);
                data.put("title", o.title);
                data.put("start_time", o.startTime.toString());
                long hours = Math.max(0, Duration.between(board.now(), o.startTime).toHours());
                String text = "Maintenance in " + (hours == 0 ? "less than an hour" : hours + " hours") + " on "
                        + (on == null ? "all systems" : on.system().displayName()) + ": " + o.title
                        + " (from " + o.startTime + ")";
                found.add(new Notification(Event.MAINTENANCE, "maintenance:" + o.id + ":" + o.startTime, system,
                        text, data));
            }
        }
        return found;
    }

    private static String reasons(Object reasons) {
        return reasons instanceof List<?> list && !list.isEmpty() ? ": " + list.stream().map(String::valueOf)
                .collect(Collectors.joining("; ")) : "";
    }

    /** Records each notification for every hook that wants it; one already recorded (here or by another replica) is skipped. */
    void record(List<Notification> notifications) {
        Instant now = clock.instant();
        for (Notification n : notifications) {
            config.webhooks().forEach((hook, settings) -> {
                if (!settings.events().contains(n.type())) {
                    return;
                }
                if (settings.systems().isPresent() && !n.system().equals(Outage.ALL_SYSTEMS)
                        && settings.systems().get().stream().noneMatch(n.system()::equalsIgnoreCase)) {
                    return;
                }
                String key = hook + "\0" + n.key();
                if (recorded.contains(key)) {
                    return;
                }
                try {
                    if (outbox.record(hook, n.key(), n.type().id(), body(settings, n, now), now)) {
                        recorded.add(key);
                    }
                } catch (RuntimeException e) {
                    Log.warnf("Webhook %s: could not record %s (%s); the next look tries again", hook, n.key(),
                            e.getMessage());
                }
            });
        }
        if (recorded.size() > 100_000) {
            recorded.clear(); // the outbox's unique key still holds
        }
    }

    private String body(StatusConfig.Webhook settings, Notification n, Instant now) {
        Object body = switch (settings.format()) {
            case TEXT -> Map.of("text", n.text());
            case TEAMS -> teamsMessage(n.text());
            case JSON -> {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("event", n.type().id());
                event.put("system", n.system());
                event.put("text", n.text());
                event.put("at", now.toString());
                event.put("data", n.data());
                yield event;
            }
        };
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A notification is plain maps and strings", e);
        }
    }

    /** Teams' Workflows webhooks take Adaptive Cards only: a message with one card of one wrapped text block. */
    static Map<String, Object> teamsMessage(String text) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("type", "AdaptiveCard");
        card.put("version", "1.4");
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("type", "TextBlock");
        block.put("text", text);
        block.put("wrap", true);
        card.put("body", List.of(block));
        Map<String, Object> attachment = new LinkedHashMap<>();
        attachment.put("contentType", "application/vnd.microsoft.card.adaptive");
        attachment.put("content", card);
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("type", "message");
        message.put("attachments", List.of(attachment));
        return message;
    }
}
