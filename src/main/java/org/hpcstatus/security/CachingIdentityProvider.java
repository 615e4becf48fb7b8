package org.hpcstatus.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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

/**
 * Puts a short-lived cache and a failure throttle in front of the Elytron JDBC realm. bcrypt costs 100-300 ms of CPU
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
    StatusConfig config;

    @Inject
    Clock clock;

    private Cache<String, SecurityIdentity> verified;

    @PostConstruct
    void createCache() {
        verified = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).ticker(new ClockTicker(clock))
                .expireAfterWrite(config.security().credentialCacheTtl()).build();
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
        String address = clientAddress(request);
        Optional<Duration> blocked = throttle.blockedFor(address, username);
        if (blocked.isPresent()) {
            long seconds = Math.max(1, blocked.get().toSeconds());
            Log.warnf("Login throttled for user '%s' from %s (%d s left)", username, address, seconds);
            return Uni.createFrom().failure(new AuthenticationFailedException("Too many failed logins",
                    Map.of(RETRY_AFTER_SECONDS, seconds)));
        }
        String key = cacheKey(username, request.getPassword().getPassword());
        SecurityIdentity cached = verified.getIfPresent(key);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return realm.authenticate(request, context)
                .onItem().invoke(identity -> remember(key, identity, username, address))
                .onFailure(AuthenticationFailedException.class).invoke(failure -> {
                    Log.infof("Failed login for user '%s' from %s", username, address);
                    throttle.recordFailure(address, username);
                });
    }

    private void remember(String key, SecurityIdentity identity, String username, String address) {
        verified.put(key, identity);
        throttle.recordSuccess(username, address);
    }

    private static String clientAddress(UsernamePasswordAuthenticationRequest request) {
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (context == null || context.request().remoteAddress() == null) {
            return "unknown";
        }
        return context.request().remoteAddress().hostAddress();
    }

    private static String cacheKey(String username, char[] password) {
        return Sha256.hex(username + '\0' + new String(password));
    }
}
