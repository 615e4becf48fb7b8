package org.hpcstatus.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.health.api.Wellness;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.hpcstatus.status.Freshness;
import org.hpcstatus.store.Snapshots;
import org.hpcstatus.system.ConfiguredSystem;
import org.hpcstatus.system.SystemCatalog;

/**
 * Reports each collector's freshness under /q/health/well, as information only: it is always UP. A silent collector
 * says nothing about whether this service can serve the dashboard, so it must never fail readiness or liveness.
 */
@Wellness
@ApplicationScoped
public class CollectorFreshnessCheck implements HealthCheck {

    @Inject
    SystemCatalog systems;

    @Inject
    Snapshots snapshots;

    @Inject
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("collector-freshness").up();
        Instant now = clock.instant();
        Map<Long, Instant> observed = snapshots.latestObservations();
        for (ConfiguredSystem system : systems.all()) {
            Instant at = observed.get(system.id());
            Freshness freshness = Freshness.of(at, now, system.staleAfter());
            response.withData(system.name(), freshness == Freshness.NO_DATA ? "no data"
                    : freshness.name().toLowerCase() + ", last snapshot " + at + " ("
                            + Duration.between(at, now).toSeconds() + " s ago)");
        }
        return response.build();
    }
}
