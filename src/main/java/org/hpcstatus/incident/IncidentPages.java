package org.hpcstatus.incident;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.config.Zones;
import org.hpcstatus.outage.Outage;
import org.hpcstatus.outage.OutageService;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;

/** The public incident history: every outage, resolved ones included, newest first, each with its timeline. */
@ApplicationScoped
class IncidentPages {

    /** Incidents per page: each comes with its timeline. */
    private static final int PAGE_SIZE = 20;

    @Inject
    OutageService outages;

    @Inject
    SystemCatalog systems;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /** Page {@code page} (from 0), of one system (with the outages of all) or of every system. */
    OutageHistory page(Optional<ConfiguredSystem> system, int page) {
        List<Outage> found = outages.history(system, page, PAGE_SIZE + 1);
        Instant now = clock.instant();
        List<OutageHistory.Incident> incidents = found.stream().limit(PAGE_SIZE)
                .map(o -> OutageHistory.incident(o, now, Zones.display(config.dashboard()), systems::displayName))
                .toList();
        return new OutageHistory(incidents, system.map(ConfiguredSystem::name).orElse(null), page,
                found.size() > PAGE_SIZE, systems.all().stream().map(s -> new OutageHistory.SystemChoice(s.name(),
                        s.displayName(), system.isPresent() && system.get().name().equals(s.name()))).toList());
    }
}
