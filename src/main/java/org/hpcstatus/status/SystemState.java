package org.hpcstatus.status;

import java.util.Locale;

/** A system's overall state, as {@link StateRules} judges it (the dashboard decides how each one looks). */
public enum SystemState {
    OPERATIONAL, DEGRADED, DOWN, MAINTENANCE, STALE, NO_DATA;

    /** The state's name in JSON: operational, degraded, down, maintenance, stale, no_data. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
