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

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageFields;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.snapshot.Freshness;
import org.hpcstatus.snapshot.LatestSnapshot;
import org.hpcstatus.snapshot.SnapshotQueries;
import org.hpcstatus.snapshot.StateRules;
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

    /** Every configured system in dashboard order, and all active outages (most severe first, then newest). */
    public record Board(Instant now, List<SystemStatus> systems, List<Outage> activeOutages) {
    }

    @Inject
    SystemCatalog systems;

    @Inject
    SnapshotQueries snapshots;

    @Inject
    OutageService outages;

    @Inject
    StateRules rules;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /**
     * Every system; with {@code withRejections} also the collectors' unrecovered rejections (one query more, which
     * the overview, showing none, does without).
     */
    @Transactional
    public Board all(boolean withRejections) {
        Instant now = clock.instant();
        List<Outage> active = activeOutages(Optional.empty());
        Map<Long, LatestSnapshot> latest = snapshots.latest(systems.all());
        Map<Long, PostRejection> rejections = new HashMap<>();
        if (withRejections) {
            PostRejection.<PostRejection>listAll().forEach(run -> rejections.put(run.systemId, run));
        }
        List<SystemStatus> statuses = new ArrayList<>();
        for (ConfiguredSystem system : systems.all()) {
            List<Outage> own = active.stream().filter(o -> o.concerns(system.id())).toList();
            statuses.add(judge(system, latest.get(system.id()), own, rejections.get(system.id()), now));
        }
        return new Board(now, statuses, active);
    }

    @Transactional
    public SystemStatus of(ConfiguredSystem system) {
        Instant now = clock.instant();
        return judge(system, snapshots.latest(system).orElse(null), activeOutages(Optional.of(system)),
                DatabaseErrors.asAnswered(PostRejection.findById(system.id())), now);
    }

    private SystemStatus judge(ConfiguredSystem system, LatestSnapshot latest, List<Outage> active,
            PostRejection rejection, Instant now) {
        Instant observed = latest == null ? null : latest.snapshot().observedAt;
        Freshness freshness = Freshness.of(observed, now, system.staleAfter());
        long age = observed == null ? 0 : Math.max(0, Duration.between(observed, now).toSeconds());
        return new SystemStatus(system, latest, freshness, age, rules.judge(latest, freshness, active, now), active,
                PostRejections.unrecovered(rejection, latest) ? rejection : null,
                latest == null ? List.of() : latest.currentReservations(now, config.ingest().reservationForgetAfter()));
    }

    private List<Outage> activeOutages(Optional<ConfiguredSystem> system) {
        List<Outage> active = new ArrayList<>(outages.list(false, system, MAX_ACTIVE_OUTAGES));
        active.sort(Comparator.comparingInt((Outage o) -> OutageFields.SEVERITIES.indexOf(o.severity))
                .thenComparing(o -> o.startTime, Comparator.reverseOrder()));
        return active;
    }
}
