package org.hpcstatus.system;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkus.logging.Log;
import org.hpcstatus.database.DatabaseReady;

/**
 * The configured systems, in dashboard order. Built once at start-up, before anything else that needs the systems
 * (hence the observer's priority), when each system's row is found or created.
 */
@ApplicationScoped
public class SystemCatalog {

    @Inject
    SystemsConfig config;

    @Inject
    Lookups lookups;

    private volatile List<ConfiguredSystem> systems = List.of();
    private volatile Map<String, ConfiguredSystem> byName = Map.of();

    void onDatabaseReady(@Observes @Priority(Interceptor.Priority.APPLICATION) DatabaseReady ready) {
        List<ConfiguredSystem> loaded = config.systems().entrySet().stream().map(entry -> {
            String name = entry.getKey().toLowerCase(Locale.ROOT);
            SystemsConfig.SystemSettings settings = entry.getValue();
            long id = lookups.systemId(name);
            return new ConfiguredSystem(id, name, settings.displayName(), settings.kind(), settings.staleAfter(),
                    settings.order());
        }).sorted(Comparator.comparingInt(ConfiguredSystem::order).thenComparing(ConfiguredSystem::name)).toList();
        systems = loaded;
        byName = loaded.stream().collect(Collectors.toUnmodifiableMap(ConfiguredSystem::name, Function.identity()));
        Log.infof("Tracking systems: %s", loaded.stream().map(ConfiguredSystem::name).toList());
    }

    /** All configured systems, in dashboard order. */
    public List<ConfiguredSystem> all() {
        return systems;
    }

    /** The system with this name, compared case-insensitively. */
    public Optional<ConfiguredSystem> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The display name of a configured system; the name itself for one no longer configured. */
    public String displayName(String name) {
        return find(name).map(ConfiguredSystem::displayName).orElse(name);
    }

    public ConfiguredSystem require(String name) {
        return find(name).orElseThrow(() -> new UnknownSystemException(name));
    }
}
