package org.hpcstatus.outage;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.contract.PayloadReader;
import org.hpcstatus.contract.Sha256;
import org.hpcstatus.contract.Timestamps;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;

/**
 * Opens, updates and lists outages. A post that matches an unresolved outage of the same system, component and title
 * updates it: collectors re-report a problem every five minutes, and that must not open a new outage each time.
 */
@ApplicationScoped
public class OutageService {

    private static final int MAX_ATTEMPTS = 3;

    @Inject
    StatusConfig config;

    @Inject
    SystemCatalog systems;

    @Inject
    Clock clock;

    /** A valid outage post, not yet stored, and the unknown fields it carried (echoed so that typos show). */
    public record Parsed(Outage outage, List<String> ignoredFields) {
    }

    /** Validates an outage post; nothing is stored. */
    public Parsed parse(JsonNode body) {
        PayloadReader reader = new PayloadReader(Zones.naiveTimestamps(config));
        Outage outage = reader.read(body, "", OutageFields.ALL, Set.of(), new Outage());
        boolean allSystems = Outage.ALL_SYSTEMS.equalsIgnoreCase(outage.systemName);
        Optional<ConfiguredSystem> system = systems.find(outage.systemName);
        if (outage.systemName != null && !allSystems && system.isEmpty()) {
            reader.problem("system_name '" + outage.systemName + "' is not a configured system (one of "
                    + String.join(", ", systems.all().stream().map(ConfiguredSystem::name).toList())
                    + ", or all for every system)");
        }
        if (outage.startTime != null && outage.endTime != null && outage.endTime.isBefore(outage.startTime)) {
            reader.problem("end_time " + outage.endTime + " is before start_time " + outage.startTime);
        }
        reader.throwIfInvalid();
        if (allSystems) {
            outage.systemId = null;
            outage.systemName = Outage.ALL_SYSTEMS;
        } else {
            ConfiguredSystem found = system.orElseThrow();
            outage.systemId = found.id();
            outage.systemName = found.name();
        }
        return new Parsed(outage, reader.ignored());
    }

    /** Stores a validated outage: a new one, or an update of the matching open one. */
    public OutageResult report(Outage posted, String by) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> createOrUpdate(posted, by));
            } catch (PersistenceException failed) {
                // Another post opened the same outage between our look-up and insert (the open_key unique key
                // stopped this one: the next attempt finds that outage and updates it), or two writers met on a
                // lock. Any other failure would only repeat itself.
                // A concurrent post may also have changed the open outage first (its version moved on): the next
                // attempt reads it again.
                boolean retryable = DatabaseErrors.isConstraintViolation(failed) || DatabaseErrors.isLockConflict(failed)
                        || failed instanceof OptimisticLockException;
                if (!retryable || attempt == MAX_ATTEMPTS) {
                    throw failed;
                }
            }
        }
    }

    /** Outages newest first; unresolved only unless asked, optionally of one system (with those of every system). */
    @Transactional
    public List<Outage> list(boolean includeResolved, Optional<ConfiguredSystem> system, int limit) {
        List<Outage> outages = Outage.newestFirst(includeResolved, system.map(ConfiguredSystem::id), limit);
        outages.forEach(this::name);
        return outages;
    }

    /** One outage with its timeline, oldest entry first. */
    @Transactional
    public Optional<Outage> find(long id) {
        Optional<Outage> outage = Optional.ofNullable(DatabaseErrors.asAnswered(Outage.<Outage>findById(id)));
        outage.ifPresent(found -> {
            name(found);
            found.updates = OutageUpdate.timelineOf(id);
        });
        return outage;
    }

    /**
     * Past and present outages, newest first, page {@code page} (from 0) of {@code size}, with one more when a next page
     * exists; each with its timeline (one query for all of them). Of one system, with those of every system, if asked.
     */
    @Transactional
    public List<Outage> history(Optional<ConfiguredSystem> system, int page, int size) {
        List<Outage> found = Outage.page(system.map(ConfiguredSystem::id), page, size);
        Map<Long, List<OutageUpdate>> timelines = new HashMap<>();
        if (!found.isEmpty()) {
            OutageUpdate.timelinesOf(found.stream().map(o -> o.id).toList())
                    .forEach(u -> timelines.computeIfAbsent(u.outageId, k -> new ArrayList<>()).add(u));
        }
        found.forEach(o -> {
            name(o);
            o.updates = timelines.getOrDefault(o.id, List.of());
        });
        return found;
    }

    /** The newest timeline entries of all outages, newest first, each with its outage (named): the Atom feed. */
    @Transactional
    public List<Map.Entry<OutageUpdate, Outage>> recentUpdates(int limit) {
        List<OutageUpdate> updates = OutageUpdate.newest(limit);
        Map<Long, Outage> byId = new HashMap<>();
        if (!updates.isEmpty()) {
            Outage.withIds(updates.stream().map(u -> u.outageId).distinct().toList())
                    .forEach(o -> byId.put(o.id, o));
        }
        byId.values().forEach(this::name);
        return updates.stream().filter(u -> byId.containsKey(u.outageId))
                .map(u -> Map.entry(u, byId.get(u.outageId))).toList();
    }

    /** Unresolved maintenance and maintenance that ended within {@code since} of now: the iCalendar feed. */
    @Transactional
    public List<Outage> maintenance(Instant since) {
        List<Outage> found = Outage.maintenanceSince(since);
        found.forEach(this::name);
        return found;
    }

    /** Every outage, resolved or not, that was in effect at some time since {@code since}: availability's spans. */
    @Transactional
    public List<Outage> inEffectSince(Instant since) {
        List<Outage> found = Outage.inEffectSince(since);
        found.forEach(this::name);
        return found;
    }

    /** Sets the transient system name from the configured systems. */
    void name(Outage outage) {
        outage.systemName = outage.allSystems() ? Outage.ALL_SYSTEMS
                : systems.all().stream().filter(s -> s.id() == outage.systemId).map(ConfiguredSystem::name).findFirst()
                        .orElse("unknown");
    }

    private OutageResult createOrUpdate(Outage posted, String by) {
        Instant now = Timestamps.truncate(clock.instant());
        String key = openKey(posted);
        // Locked: identical posts in parallel (a collector's retries) then update one after another, each on the
        // version the one before it left, instead of failing each other's optimistic check.
        Optional<Outage> open = Outage.openLocked(key);
        Outage outage = open.orElseGet(() -> {
            Outage fresh = new Outage();
            fresh.systemId = posted.systemId;
            fresh.title = posted.title;
            fresh.component = posted.component;
            fresh.createdAt = now;
            fresh.createdBy = by;
            fresh.startTime = posted.startTime == null ? now : posted.startTime;
            return fresh;
        });
        String changes = open.isEmpty() ? null : OutageChanges.between(open.get(), posted);
        outage.systemName = posted.systemName;
        outage.severity = posted.severity;
        outage.status = posted.status;
        outage.updatedAt = now;
        outage.updatedBy = by;
        if (posted.description != null) {
            outage.description = posted.description;
        }
        if (posted.estimatedResolution != null) {
            outage.estimatedResolution = posted.estimatedResolution;
        }
        if (posted.startTime != null) {
            outage.startTime = posted.startTime;
        }
        if (posted.endTime != null) {
            outage.endTime = posted.endTime;
        }
        holdOrFreeName(outage, now);
        if (open.isEmpty()) {
            outage.persist();
        }
        outage.flush();
        // The timeline: the opening, then only posts that changed something (a collector re-posts the same outage
        // every five minutes, and that is no news).
        if (open.isEmpty()) {
            OutageUpdate.of(outage, now, by, "Opened: " + outage.severity + ", " + outage.status
                    + (outage.description == null ? "" : ". " + outage.description)).persist();
        } else if (!changes.isEmpty()) {
            OutageUpdate.of(outage, now, by, "Changed " + changes).persist();
        }
        Log.infof("Outage outage_id=%d on %s %s: %s [%s/%s]", outage.id, posted.systemName,
                open.isPresent() ? "updated" : "opened", outage.title, outage.severity, outage.status);
        return new OutageResult(outage.id, open.isPresent());
    }

    /**
     * A resolved outage has ended (now, unless its end was given) and frees its name for a new outage; an open one
     * holds it (the open_key unique key: one open outage per system, component and title).
     */
    static void holdOrFreeName(Outage outage, Instant now) {
        if (outage.resolved()) {
            outage.openKey = null;
            if (outage.endTime == null) {
                outage.endTime = now;
            }
        } else {
            outage.openKey = openKey(outage);
        }
    }

    /** Identifies "the same outage": system, component and title, ignoring case and surrounding space. */
    static String openKey(Outage outage) {
        String system = outage.allSystems() ? Outage.ALL_SYSTEMS : outage.systemId.toString();
        return Sha256.hex(system + "\n" + normalise(outage.component) + "\n" + normalise(outage.title));
    }

    private static String normalise(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}
