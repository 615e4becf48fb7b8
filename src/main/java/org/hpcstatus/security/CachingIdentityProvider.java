package org.hpcstatus.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.elytron.security.runtime.ElytronPasswordIdentityProvider;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.contract.Sha256;
import org.hpcstatus.database.DatabaseErrors;

/**
 * Puts a short-lived cache and a failure throttle in front of the Elytron realms (local credentials and, where
 * configured, the centre's directory: {@link LoginRealms}). bcrypt costs 100-300 ms of CPU
 * per check; a collector posting every five minutes would pay it on every post, and a guessing loop could keep both
 * cores busy. Entries are keyed by a SHA-256 of username and password, never the password itself; a deactivated
 * credential keeps working until its entry expires (hpcstatus.security.credential-cache-ttl).
 */
@ApplicationScoped
public class CachingIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Attribute of the failure that carries the seconds a throttled client must wait. */
    public static final String RETRY_AFTER_SECONDS = "retry-after-seconds";

    /** Far more than a site's collectors and operators; a flood of distinct logins evicts, it does not grow. */
    private static final int MAX_ENTRIES = 1_000;

    @Inject
    ElytronPasswordIdentityProvider realm;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginRealms realms;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry meters;

    /** bcrypt checks run: the CPU a login costs is what operators watch during a guessing loop. */
    private Counter passwordChecks;

    /**
     * Verified credentials, and verifications in progress: a request that finds one running waits for its result
     * instead of running bcrypt again, so a cache expiry or a restart under load costs one check per credential, not
     * one per request. A failed verification leaves no entry.
     */
    private AsyncCache<String, Verification> verified;

    /**
     * What one password check found: an identity, or why not. Held as a value, never as a failed future, which the
     * cache would log as a warning with its stack trace at every wrong password.
     */
    private record Verification(SecurityIdentity identity, Throwable failure) {

        Uni<SecurityIdentity> toUni() {
            return failure == null ? Uni.createFrom().item(identity) : Uni.createFrom().failure(failure);
        }
    }

    @PostConstruct
    void createCache() {
        verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).ticker(new ClockTicker(clock))
                .expireAfterWrite(config.security().credentialCacheTtl()).buildAsync();
        passwordChecks = Counter.builder("hpcstatus.login.password.checks")
                .description("Password verifications run (bcrypt), after the cache and the throttle").register(meters);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    /** Above the realm's own provider, which is then only reached through this one. */
    @Override
    public int priority() {
        return SYSTEM_FIRST + 1000;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        // The database used to compare names without regard to case or trailing space; the throttle still does, so
        // that "Collector" and "collector " can never each get fresh tries against the same account.
        String throttled = username.strip().toLowerCase(Locale.ROOT);
        String address = clientAddress(request);
        Optional<Duration> addressBlocked = throttle.addressBlockedFor(address);
        if (addressBlocked.isPresent()) {
            return tooMany(username, address, addressBlocked.get());
        }
        char[] password = request.getPassword().getPassword();
        if (hasControlCharacter(username) || hasControlCharacter(new String(password))) {
            // No stored credential holds one; "password\0" must not pass for "password" in any layer below.
            Log.infof("Refused login with a control character for user '%s' from %s", printable(username), address);
            throttle.recordFailure(address, throttled);
            return Uni.createFrom().failure(new AuthenticationFailedException("Control character in credentials"));
        }
        String key = cacheKey(username, password);
        CompletableFuture<Verification> known = verified.getIfPresent(key);
        if (known != null) {
            // Verified already, or being verified by another request with the same credentials: share its result.
            return shared(known);
        }
        LoginThrottle.Admission admission = throttle.begin(address, throttled);
        if (admission.refused()) {
            return tooMany(username, address, admission.retryAfter());
        }
        boolean[] started = {false};
        CompletableFuture<Verification> verification = verified.get(key, (k, executor) -> {
            started[0] = true;
            passwordChecks.increment();
            return realms.evenOutTiming(username, password, context).flatMap(none -> realm.authenticate(request, context))
                    .onFailure(LoginRealms::isDirectoryFailure).transform(LoginRealms::unavailable)
                    .map(identity -> new Verification(identity, null))
                    .onFailure().recoverWithItem(failure -> new Verification(null, failure)).subscribeAsCompletionStage();
        });
        LoginThrottle.Attempt attempt = admission.attempt();
        if (!started[0]) {
            // Another request started the same verification in between; this one only waits for it.
            attempt.abandoned();
        } else {
            verification.thenAccept(outcome -> {
                Throwable failure = outcome.failure();
                if (failure == null) {
                    attempt.succeeded();
                    return;
                }
                verified.asMap().remove(key, verification);
                if (DatabaseErrors.isUnavailable(failure) || failure instanceof DirectoryUnavailableException) {
                    // Nobody could check the password (database or directory down): that is no wrong guess, and the
                    // caller gets a 503.
                    attempt.abandoned();
                } else {
                    Log.infof("Failed login for user '%s' from %s", printable(username), address);
                    attempt.failed();
                }
            });
        }
        return shared(verification);
    }

    private static Uni<SecurityIdentity> shared(CompletableFuture<Verification> verification) {
        return Uni.createFrom().completionStage(verification).flatMap(Verification::toUni);
    }

    private static Uni<SecurityIdentity> tooMany(String username, String address, Duration wait) {
        long seconds = Math.max(1, wait.toSeconds());
        Log.warnf("Login throttled for user '%s' from %s (%d s left)", printable(username), address, seconds);
        return Uni.createFrom().failure(new AuthenticationFailedException("Too many failed logins",
                Map.of(RETRY_AFTER_SECONDS, seconds)));
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (context == null || context.request().remoteAddress() == null) {
            return "unknown";
        }
        return context.request().remoteAddress().hostAddress();
    }

    private static boolean hasControlCharacter(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    /** A user name as it can be logged: control characters (a newline would split the line) escaped. */
    public static String printable(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.chars().forEach(c -> shown.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
        return shown.toString();
    }

    private static String cacheKey(String username, char[] password) {
        return Sha256.hex(username + '\0' + new String(password));
    }
}
