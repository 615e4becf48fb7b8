package org.hpcstatus.status;

import java.time.Duration;
import java.time.Instant;

/** Whether a system's collector is keeping up. Independent of the system's own state: silence is not an outage. */
public enum Freshness {
    FRESH, STALE, NO_DATA;

    public static Freshness of(Instant observedAt, Instant now, Duration staleAfter) {
        if (observedAt == null) {
            return NO_DATA;
        }
        return Duration.between(observedAt, now).compareTo(staleAfter) > 0 ? STALE : FRESH;
    }
}
