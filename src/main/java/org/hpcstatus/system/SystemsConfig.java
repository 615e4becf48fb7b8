package org.hpcstatus.system;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.time.DurationMin;

/** The systems this service tracks (hpcstatus.systems.*); the other settings are in {@code StatusConfig}. */
@ConfigMapping(prefix = "hpcstatus")
public interface SystemsConfig {

    /**
     * The systems, keyed by the name used in URLs: letters, digits, '-' and '_' (compared without case), and not a
     * path segment of the API itself.
     */
    @Size(min = 1, message = "configure at least one system")
    Map<@Pattern(regexp = "(?!(?i)(outages?|summary|reservations|all)$)[A-Za-z0-9][A-Za-z0-9_-]{0,63}",
            message = "must be letters, digits, '-' and '_' (at most 64), and not outage, outages, summary, reservations or all") String,
            SystemSettings> systems();

    interface SystemSettings {
        /** Name shown to people, e.g. "Derecho". */
        @NotBlank
        String displayName();

        /** Which payload shape this system's collector posts. */
        SystemKind kind();

        /** A latest snapshot older than this is stale. */
        @WithDefault("10M")
        @DurationMin(minutes = 1)
        Duration staleAfter();

        /** Position on the dashboard, lowest first. */
        @WithDefault("100")
        int order();
    }
}
