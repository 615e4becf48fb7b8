package org.hpcstatus.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageFields;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.rollup.Summaries;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.store.Snapshots;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;

/**
 * Judges every configured system from its latest pointer and its active outages: one query for the pointers, one
 * for the outages (and, for the summary, one for the rejected-post runs), whatever the history holds; reservations
 * come with the latest snapshot. The one place the pages and the summary API get a state from.
 */
@ApplicationScoped
public class StatusBoard {

    /** Enough for any real banner; a runaway collector opening outages must not make a page unbounded. */
    static final int MAX_ACTIVE_OUTAGES = 200;

    /**
     * Every configured system in dashboard order, all active outages (most severe first, then newest), and those not
     * begun yet (soonest first).
     */
    public record Board(Instant now, List<SystemStatus> systems, List<Outage> activeOutages, List<Outage> upcoming) {
    }

    @Inject
    SystemCatalog systems;

    @Inject
    Snapshots snapshots;

    @Inject
    OutageService outages;

    @Inject
    StateRules rules;

    @Inject
    StatusConfig config;

    @Inject
    Summaries summaries;

    /** When each system was first seen; once known it stays (a later backfill of older posts is not looked for). */
    private final Map<Long, Instant> firstSeen = new ConcurrentHashMap<>();

    @Inject
    Clock clock;

    /**
     * Every system; with {@code withRejections} also the collectors' unrecovered rejections (one query more, which
     * the feeds, showing none, do without).
     */
    @Transactional
    public Board all(boolean withRejections) {
        Instant now = clock.instant();
        List<Outage> unresolved = unresolved(Optional.empty());
        List<Outage> active = active(unresolved, now);
        List<Outage> upcoming = upcoming(unresolved, now);
        Map<Long, LatestSnapshot> latest = snapshots.latest(systems.all());
        Map<Long, PostRejection> rejections = new HashMap<>();
        if (withRejections) {
            PostRejection.<PostRejection>listAll().forEach(run -> rejections.put(run.systemId, run));
        }
        List<SystemStatus> statuses = new ArrayList<>();
        for (ConfiguredSystem system : systems.all()) {
            statuses.add(judge(system, latest.get(system.id()), concerning(active, system),
                    concerning(upcoming, system), rejections.get(system.id()), now));
        }
        return new Board(now, statuses, active, upcoming);
    }

    /**
     * Each system's availability over 7, 30 and 90 days, by system name, from the outages in effect over the last 90
     * days (one query).
     */
    @Transactional
    public Map<String, Availability.Report> availability() {
        Instant now = clock.instant();
        List<Outage> recent = inEffectOverTheLongestWindow(now);
        Map<String, Availability.Report> reports = new HashMap<>();
        for (ConfiguredSystem system : systems.all()) {
            reports.put(system.name(), Availability.of(concerning(recent, system), firstSeen(system), now,
                    Zones.display(config.dashboard())));
        }
        return reports;
    }

    /** One system's availability, for its page. */
    @Transactional
    public Availability.Report availability(ConfiguredSystem system) {
        Instant now = clock.instant();
        return Availability.of(concerning(inEffectOverTheLongestWindow(now), system), firstSeen(system), now,
                Zones.display(config.dashboard()));
    }

    /**
     * When the system's data begins: its oldest raw snapshot, or its oldest summary once raw data has been deleted;
     * null before its first post. Availability is measured from there, not from before the system existed here.
     */
    private Instant firstSeen(ConfiguredSystem system) {
        Instant known = firstSeen.get(system.id());
        if (known != null) {
            return known;
        }
        Optional<Instant> raw = snapshots.firstObserved(system);
        Optional<Instant> summarised = summaries.earliest(system.id());
        Instant first = raw.isEmpty() ? summarised.orElse(null)
                : summarised.filter(s -> s.isBefore(raw.get())).orElse(raw.get());
        if (first != null) {
            firstSeen.put(system.id(), first);
        }
        return first;
    }

    private List<Outage> inEffectOverTheLongestWindow(Instant now) {
        return outages.inEffectSince(now.minus(Duration.ofDays(
                Availability.WINDOWS.get(Availability.WINDOWS.size() - 1) + 1L)));
    }

    @Transactional
    public SystemStatus of(ConfiguredSystem system) {
        Instant now = clock.instant();
        List<Outage> unresolved = unresolved(Optional.of(system));
        return judge(system, snapshots.latest(system).orElse(null), active(unresolved, now), upcoming(unresolved, now),
                DatabaseErrors.asAnswered(PostRejection.findById(system.id())), now);
    }

    private SystemStatus judge(ConfiguredSystem system, LatestSnapshot latest, List<Outage> active,
            List<Outage> upcoming, PostRejection rejection, Instant now) {
        Instant observed = latest == null ? null : latest.snapshot().observedAt;
        Freshness freshness = Freshness.of(observed, now, system.staleAfter());
        long age = observed == null ? 0 : Math.max(0, Duration.between(observed, now).toSeconds());
        return new SystemStatus(system, latest, freshness, age, rules.judge(latest, freshness, active, now), active,
                upcoming,
                PostRejections.unrecovered(rejection, latest) ? rejection : null,
                latest == null ? List.of() : latest.currentReservations(now, config.ingest().reservationForgetAfter()));
    }

    private List<Outage> unresolved(Optional<ConfiguredSystem> system) {
        return outages.list(false, system, MAX_ACTIVE_OUTAGES);
    }

    private static List<Outage> active(List<Outage> unresolved, Instant now) {
        List<Outage> active = new ArrayList<>(unresolved.stream().filter(o -> o.activeAt(now)).toList());
        active.sort(Comparator.comparingInt((Outage o) -> OutageFields.SEVERITIES.indexOf(o.severity))
                .thenComparing(o -> o.startTime, Comparator.reverseOrder()));
        return active;
    }

    private static List<Outage> upcoming(List<Outage> unresolved, Instant now) {
        return unresolved.stream().filter(o -> o.upcomingAt(now)).sorted(Comparator.comparing((Outage o) -> o.startTime))
                .toList();
    }

    private static List<Outage> concerning(List<Outage> outages, ConfiguredSystem system) {
        return outages.stream().filter(o -> o.concerns(system.id())).toList();
    }
}
