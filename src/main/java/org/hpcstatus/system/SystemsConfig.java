package org.hpcstatus.system;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The systems this service tracks (hpcstatus.systems.*); the other settings are in {@code StatusConfig}. */
@ConfigMapping(prefix = "hpcstatus")
public interface SystemsConfig {

    /** The systems, keyed by the name used in URLs (lower case). */
    Map<String, SystemSettings> systems();

    interface SystemSettings {
        /** Name shown to people, e.g. "Derecho". */
        String displayName();

        /** Which payload shape this system's collector posts. */
        SystemKind kind();

        /** A latest snapshot older than this is stale. */
        @WithDefault("10M")
        Duration staleAfter();

        /** Position on the dashboard, lowest first. */
        @WithDefault("100")
        int order();
    }
}
