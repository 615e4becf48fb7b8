package org.hpcstatus.outage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.contract.PayloadReader;
import org.hpcstatus.contract.Timestamps;
import org.hpcstatus.contract.Sha256;
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
        PayloadReader reader = new PayloadReader(config.ingest().naiveTimestampZone());
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
    public OutageResult report(Outage posted) {
        for (int attempt = 1;; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> createOrUpdate(posted));
            } catch (PersistenceException failed) {
                // Another post opened the same outage between our look-up and insert (the open_key unique key
                // stopped this one: the next attempt finds that outage and updates it), or two writers met on a
                // lock. Any other failure would only repeat itself.
                boolean retryable = DatabaseErrors.isConstraintViolation(failed) || DatabaseErrors.isLockConflict(failed);
                if (!retryable || attempt == MAX_ATTEMPTS) {
                    throw failed;
                }
            }
        }
    }

    /** Outages newest first; unresolved only unless asked, optionally of one system (with those of every system). */
    @Transactional
    public List<Outage> list(boolean includeResolved, Optional<ConfiguredSystem> system, int limit) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (!includeResolved) {
            query.append(" and status <> :resolved");
            parameters.and("resolved", Outage.RESOLVED);
        }
        if (system.isPresent()) {
            query.append(" and (systemId = :systemId or systemId is null)");
            parameters.and("systemId", system.get().id());
        }
        List<Outage> outages = Outage.<Outage>find(query + " order by startTime desc, id desc", parameters)
                .page(0, limit).list();
        outages.forEach(outage -> outage.systemName = outage.allSystems() ? Outage.ALL_SYSTEMS
                : systems.all().stream().filter(s -> s.id() == outage.systemId).map(ConfiguredSystem::name).findFirst()
                        .orElse("unknown"));
        return outages;
    }

    private OutageResult createOrUpdate(Outage posted) {
        Instant now = Timestamps.truncate(clock.instant());
        String key = openKey(posted);
        Optional<Outage> open = Outage.find("openKey", key).firstResultOptional();
        Outage outage = open.orElseGet(() -> {
            Outage fresh = new Outage();
            fresh.systemId = posted.systemId;
            fresh.title = posted.title;
            fresh.component = posted.component;
            fresh.createdAt = now;
            fresh.startTime = posted.startTime == null ? now : posted.startTime;
            return fresh;
        });
        outage.systemName = posted.systemName;
        outage.severity = posted.severity;
        outage.status = posted.status;
        outage.updatedAt = now;
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
        if (outage.resolved()) {
            outage.openKey = null;
            if (outage.endTime == null) {
                outage.endTime = now;
            }
        } else {
            outage.openKey = key;
        }
        if (open.isEmpty()) {
            outage.persist();
        }
        outage.flush();
        Log.infof("Outage outage_id=%d on %s %s: %s [%s/%s]", outage.id, posted.systemName,
                open.isPresent() ? "updated" : "opened", outage.title, outage.severity, outage.status);
        return new OutageResult(outage.id, open.isPresent());
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
