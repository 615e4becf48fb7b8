package org.hpcstatus.web;

import java.time.Duration;

/**
 * A request refused for the load it would add, not for what it says: 429 when the client itself is over its rate
 * ({@code ownRate}), 503 when this replica is at its capacity; both with Retry-After.
 */
public class TooBusyException extends RuntimeException {

    private final boolean ownRate;
    private final Duration retryAfter;

    public TooBusyException(String message, boolean ownRate, Duration retryAfter) {
        super(message, null, false, false);
        this.ownRate = ownRate;
        this.retryAfter = retryAfter;
    }

    public boolean ownRate() {
        return ownRate;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
