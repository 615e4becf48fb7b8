package org.hpcstatus.security;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Ticker;

/** Lets the in-memory caches expire entries by the service's one clock, which tests move. */
record ClockTicker(Clock clock) implements Ticker {

    @Override
    public long read() {
        var now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
