package org.hpcstatus.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.hpcstatus.system.ConfiguredSystem;

/**
 * hpcstatus_posts_total{system, outcome}: accepted, duplicate, conflict, rejected, throttled (403 and 429). The
 * counters are kept, not looked up in the registry per post (which hashes their tags every time).
 */
@ApplicationScoped
class PostCounter {

    @Inject
    MeterRegistry meters;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    void count(ConfiguredSystem system, String outcome) {
        counters.computeIfAbsent(system.name() + '\0' + outcome, key -> Counter.builder("hpcstatus.posts")
                .description("Snapshot posts per system and outcome").tags("system", system.name(), "outcome", outcome)
                .register(meters)).increment();
    }
}
