package org.hpcstatus.ingest;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.runtime.Startup;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.web.ClientNotAllowedException;
import org.hpcstatus.web.TooBusyException;

/**
 * The guide's security advice for ingest: a rate limit per credential (a token bucket of posts-per-minute) and
 * optional allow-lists of client networks, global and per credential. Networks are parsed at start, so a typo stops
 * the service with the property named rather than refusing every post.
 */
@Startup
@Singleton
public class IngestGuard {

    private static final class Bucket {
        double tokens;
        long refilledAt;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.refilledAt = at;
        }
    }

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    private List<Network> global;
    private final Map<String, List<Network>> perCredential = new HashMap<>();
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    @PostConstruct
    void parseNetworks() {
        global = parse("hpcstatus.ingest.allowed-networks", config.ingest().allowedNetworks().orElse(List.of()));
        config.ingest().credentialNetworks().forEach((user, cidrs) -> perCredential.put(user,
                parse("hpcstatus.ingest.credential-networks.\"" + user + "\"", cidrs)));
    }

    private static List<Network> parse(String property, List<String> cidrs) {
        try {
            return cidrs.stream().filter(c -> !c.isBlank()).map(Network::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + ": " + e.getMessage());
        }
    }

    /** Throws unless {@code username} may post now from {@code clientAddress}. */
    public void admit(String username, String clientAddress) {
        List<Network> own = perCredential.getOrDefault(username, List.of());
        if (!global.isEmpty() || !own.isEmpty()) {
            InetAddress address = literal(clientAddress);
            if (!global.isEmpty() && (address == null || global.stream().noneMatch(n -> n.contains(address)))) {
                throw new ClientNotAllowedException("Posts are accepted only from the networks in"
                        + " hpcstatus.ingest.allowed-networks; this one came from " + clientAddress);
            }
            if (!own.isEmpty() && (address == null || own.stream().noneMatch(n -> n.contains(address)))) {
                throw new ClientNotAllowedException("Credential " + username + " may post only from its networks in"
                        + " hpcstatus.ingest.credential-networks; this post came from " + clientAddress);
            }
        }
        take(username);
    }

    private void take(String username) {
        int perMinute = config.ingest().postsPerMinute();
        double perMilli = perMinute / 60_000.0;
        long now = clock.millis();
        Bucket bucket = buckets.get(username, k -> new Bucket(perMinute, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(perMinute, bucket.tokens + Math.max(0, now - bucket.refilledAt) * perMilli);
            bucket.refilledAt = Math.max(bucket.refilledAt, now);
            if (bucket.tokens < 1) {
                long wait = (long) Math.ceil((1 - bucket.tokens) / perMilli);
                throw new TooBusyException("Credential " + username + " posted more than "
                        + perMinute + " times a minute (hpcstatus.ingest.posts-per-minute); try again later", true,
                        Duration.ofMillis(wait));
            }
            bucket.tokens -= 1;
        }
    }

    /** The client's address as the transport reports it (always a literal), or null if it is not one. */
    private static InetAddress literal(String address) {
        try {
            return address == null ? null : InetAddress.getByAddress(Network.parse(address).prefix());
        } catch (IllegalArgumentException | UnknownHostException e) {
            return null;
        }
    }
}
