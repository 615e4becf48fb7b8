package org.hpcstatus.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: real time, unless a test moves it. Every move is explicit: {@link #advance} shifts
 * it, {@link #freezeAt} stops it at an instant (for exact ages), and {@link #reset}, which each test that moves it
 * calls after itself, puts it back to real time.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    public synchronized void advance(Duration by) {
        offset = offset.plus(by);
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(by);
        }
    }

    /** Stops the clock at {@code at} until the next move or {@link #reset}. */
    public synchronized void freezeAt(Instant at) {
        frozenAt = at;
    }

    public synchronized void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service reads instants only");
    }
}
