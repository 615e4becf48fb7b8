package org.hpcstatus.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hpcstatus.config.StatusConfig;

/**
 * Counts failed logins per client address and per username. Past the limit, further attempts are refused before
 * bcrypt runs, so a password-guessing loop costs this service almost nothing. Per replica, in memory: good enough to
 * stop a loop, and nothing to coordinate.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_TRACKED = 10_000;

    private record Window(Instant start, int failures) {
    }

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    /** How long the caller must wait, if either its address or the username it tries is over the limit. */
    public Optional<Duration> blockedFor(String address, String username) {
        Instant now = clock.instant();
        return longest(remaining(key("addr", address), config.security().maxFailuresPerAddress(), now),
                remaining(key("user", username), config.security().maxFailuresPerUser(), now));
    }

    public void recordFailure(String address, String username) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(window -> expired(window, now));
        }
        failures.merge(key("addr", address), new Window(now, 1), (old, one) -> add(old, now));
        failures.merge(key("user", username), new Window(now, 1), (old, one) -> add(old, now));
    }

    /** A correct password clears the username's count; the address keeps its own (it may be guessing other names). */
    public void recordSuccess(String username) {
        failures.remove(key("user", username));
    }

    private Window add(Window old, Instant now) {
        return expired(old, now) ? new Window(now, 1) : new Window(old.start(), old.failures() + 1);
    }

    private Optional<Duration> remaining(String key, int limit, Instant now) {
        Window window = failures.get(key);
        if (window == null || expired(window, now) || window.failures() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(config.security().failureWindow())));
    }

    private boolean expired(Window window, Instant now) {
        return !now.isBefore(window.start().plus(config.security().failureWindow()));
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static String key(String kind, String value) {
        return kind + ":" + (value == null ? "" : value);
    }
}
