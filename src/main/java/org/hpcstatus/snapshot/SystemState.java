package org.hpcstatus.snapshot;

/** A system's overall state, as {@link StateRules} judges it (the dashboard decides how each one looks). */
public enum SystemState {
    OPERATIONAL, DEGRADED, DOWN, STALE, NO_DATA
}
