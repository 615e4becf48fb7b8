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
 * <p>
 * A password check that is still running counts as a failure until it ends: the check of the limit and the counting
 * of the attempt are one step ({@link #begin}), so a hundred guesses sent at once get no more checks than a hundred
 * sent one after another.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Enough for every client of a site; a flood of made-up names evicts the oldest counts, not the memory. */
    private static final int MAX_TRACKED = 10_000;

    /** Failures and checks in progress counted since {@code start}; forgotten a failure window after it. */
    private record Window(Instant start, int failures, int running) {

        int counted() {
            return failures + running;
        }
    }

    /** One password check that {@link #begin} let through; exactly one of its methods is called when it ends. */
    public interface Attempt {
        /** Wrong password: counts as a failure. */
        void failed();

        /** Right password: clears the count of this username from this address. */
        void succeeded();

        /** The password could not be checked (database unavailable): counts as nothing. */
        void abandoned();
    }

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    private Cache<String, Window> windows;

    @PostConstruct
    void createCache() {
        long window = config.security().failureWindow().toNanos();
        windows = Caffeine.newBuilder().maximumSize(MAX_TRACKED).ticker(new ClockTicker(clock))
                .expireAfter(Expiry.<String, Window>creating((key, value) -> Duration.ofNanos(window))).build();
    }

    /** How long the caller must wait, if its address is over the limit (a cached, known-good login needs no more). */
    public Optional<Duration> addressBlockedFor(String address) {
        return remaining(addressKey(address), config.security().maxFailuresPerAddress(), clock.instant());
    }

    /**
     * Either lets one password check through, counted as running until it ends, or says how long the caller must
     * wait because its address, or the username from there, has reached its limit of failures and running checks.
     */
    public synchronized Admission begin(String address, String username) {
        Instant now = clock.instant();
        String addressKey = addressKey(address);
        String userKey = userKey(username, address);
        Optional<Duration> blocked = longest(remaining(addressKey, config.security().maxFailuresPerAddress(), now),
                remaining(userKey, config.security().maxFailuresPerUser(), now));
        if (blocked.isPresent()) {
            return new Admission(null, blocked.get());
        }
        windows.asMap().merge(addressKey, new Window(now, 0, 1), LoginThrottle::add);
        windows.asMap().merge(userKey, new Window(now, 0, 1), LoginThrottle::add);
        return new Admission(new Running(addressKey, userKey), Duration.ZERO);
    }

    /** Either an attempt to finish, or the wait of a caller that was refused. */
    public record Admission(Attempt attempt, Duration retryAfter) {

        public boolean refused() {
            return attempt == null;
        }
    }

    /** A failure that needs no password check (a control character in the credentials) still counts. */
    public synchronized void recordFailure(String address, String username) {
        Instant now = clock.instant();
        windows.asMap().merge(addressKey(address), new Window(now, 1, 0), LoginThrottle::add);
        windows.asMap().merge(userKey(username, address), new Window(now, 1, 0), LoginThrottle::add);
    }

    private final class Running implements Attempt {
        private final String addressKey;
        private final String userKey;
        private boolean ended;

        Running(String addressKey, String userKey) {
            this.addressKey = addressKey;
            this.userKey = userKey;
        }

        @Override
        public void failed() {
            end(1);
        }

        @Override
        public void succeeded() {
            end(0);
            windows.invalidate(userKey);
        }

        @Override
        public void abandoned() {
            end(0);
        }

        private void end(int failures) {
            synchronized (LoginThrottle.this) {
                if (ended) {
                    return;
                }
                ended = true;
                // An entry that expired while the check ran has nothing to give back; a failure starts a new one.
                Instant now = clock.instant();
                for (String key : new String[] {addressKey, userKey}) {
                    windows.asMap().compute(key, (k, old) -> old == null
                            ? (failures == 0 ? null : new Window(now, failures, 0))
                            : new Window(old.start(), old.failures() + failures, Math.max(0, old.running() - 1)));
                }
            }
        }
    }

    private static Window add(Window old, Window one) {
        return new Window(old.start(), old.failures() + one.failures(), old.running() + one.running());
    }

    private Optional<Duration> remaining(String key, int limit, Instant now) {
        Window window = windows.getIfPresent(key);
        if (window == null || window.counted() < limit) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, window.start().plus(config.security().failureWindow()));
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isPresent() && b.get().compareTo(a.get()) > 0 ? b : a;
    }

    private static String addressKey(String address) {
        return "addr:" + (address == null ? "" : address);
    }

    private static String userKey(String username, String address) {
        return "user:" + (username == null ? "" : username) + "\0" + address;
    }
}
