package org.hpcstatus.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.contract.Sha256;
import org.hpcstatus.contract.Timestamps;

/**
 * Operators' browser sessions, kept in the database (operator_session) so that every replica knows them and a logout
 * ends one everywhere at once. The cookie holds a random token; the table holds only its SHA-256. A session also
 * holds the CSRF token its forms must send back, and ends at its expiry whatever happens in between.
 */
@ApplicationScoped
public class OperatorSessions {

    /** The session cookie's name. */
    public static final String COOKIE = "hpcstatus_session";

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session as a request finds it: who, and the token its forms must carry. */
    public record Session(String username, String csrfToken) {
    }

    /** A session just opened: the cookie's value, once, and when it ends. */
    public record Opened(String token, String csrfToken, Instant expiresAt) {
    }

    @Inject
    EntityManager em;

    @Inject
    Credentials credentials;

    @Inject
    LoginRealms realms;

    @Inject
    StatusConfig config;

    @Inject
    Clock clock;

    /** 256 random bits, URL-safe: a session token, a CSRF token. */
    public static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Opens a session for a login just verified; expired sessions of anyone are deleted on the way. */
    public Opened open(String username) {
        Instant now = Timestamps.truncate(clock.instant());
        Opened opened = new Opened(randomToken(), randomToken(), now.plus(config.security().sessionLifetime()));
        QuarkusTransaction.requiringNew().run(() -> {
            deleteExpired(now);
            OperatorSession session = new OperatorSession();
            session.tokenHash = Sha256.hex(opened.token());
            session.username = username;
            session.csrfToken = opened.csrfToken();
            session.createdAt = now;
            session.expiresAt = opened.expiresAt();
            em.persist(session);
        });
        return opened;
    }

    /** The unexpired session a cookie names, of a local credential still active or of a directory login. */
    public Optional<Session> find(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> {
            OperatorSession session = em.find(OperatorSession.class, Sha256.hex(token));
            // A directory login has no local credential; the directory says whether it is still there.
            if (session == null || !session.expiresAt.isAfter(now)
                    || !(credentials.active(session.username) || realms.directoryEnabled())) {
                return Optional.<Session>empty();
            }
            return Optional.of(new Session(session.username, session.csrfToken));
        });
    }

    /** Ends a session (logout); ending one that is already gone is no error. */
    public void close(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> em.createQuery("delete from OperatorSession s"
                + " where s.tokenHash = :hash").setParameter("hash", Sha256.hex(token)).executeUpdate());
    }

    /** Deletes the sessions that ended before {@code now}; returns how many (retention calls this too). */
    public int deleteExpired(Instant now) {
        return QuarkusTransaction.joiningExisting().call(() -> em.createQuery("delete from OperatorSession s"
                + " where s.expiresAt <= :now").setParameter("now", now).executeUpdate());
    }
}
