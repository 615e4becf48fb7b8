package org.hpcstatus.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.hpcstatus.config.StatusConfig;

/**
 * Counts failed logins per client address and per (username, address). Past the limit, further attempts are refused
 * before bcrypt runs, so a password-guessing loop costs this service almost nothing. Keyed per (username, address)
 * rather than per username, so that whoever knows a collector's name cannot lock the collector out from elsewhere:
 * its correct password from an address without failures is always admitted. Per replica, in memory, bounded in
 * size: good enough to stop a loop, and nothing to coordinate.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Enough for every client of a site; a flood of made-up names evicts the oldest counts, not the memory. */
    private static final int MAX_TRACKED = 10_000;

    /** Failures counted since {@code start}; the count is forgotten a failure window after its first failure. */
    private record Window(Instant start, int failures) {
    }

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    private Cache<String, Window> failures;

    @PostConstruct
    void createCache() {
        long window = config.security().failureWindow().toNanos();
        failures = Caffeine.newBuilder().maximumSize(MAX_TRACKED).ticker(new ClockTicker(clock))
                .expireAfter(Expiry.<String, Window>creating((key, value) -> Duration.ofNanos(window))).build();
    }

    /** How long the caller must wait, if its address, or the username it tries from there, is over the limit. */
    public Optional<Duration> blockedFor(String address, String username) {
        Instant now = clock.instant();
        return longest(remaining(key("addr", address), config.security().maxFailuresPerAddress(), now),
                remaining(userKey(username, address), config.security().maxFailuresPerUser(), now));
    }

    public void recordFailure(String address, String username) {
        Instant now = clock.instant();
        failures.asMap().merge(key("addr", address), new Window(now, 1), LoginThrottle::add);
        failures.asMap().merge(userKey(username, address), new Window(now, 1), LoginThrottle::add);
    }

    /**
     * A correct password clears the count of that username from that address; the address keeps its own (it may be
     * guessing other names).
     */
    public void recordSuccess(String username, String address) {
        failures.invalidate(userKey(username, address));
    }

    private static Window add(Window old, Window one) {
        return new Window(old.start(), old.failures() + one.failures());
    }

    private Optional<Duration> remaining(String key, int limit, Instant now) {
        Window window = failures.getIfPresent(key);
        if (window == null || window.failures() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(config.security().failureWindow())));
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

    private static String userKey(String username, String address) {
        return key("user", (username == null ? "" : username) + "\0" + address);
    }
}
