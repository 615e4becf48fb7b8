package org.hpcstatus.security;

import java.security.Principal;
import java.security.SecureRandom;
import java.util.Base64;

import javax.naming.NamingException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Unremovable;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.smallrye.mutiny.Uni;
import org.hpcstatus.config.StatusConfig;
import org.wildfly.security.auth.server.RealmMapper;
import org.wildfly.security.evidence.Evidence;

/**
 * Which realm checks a name: the local credentials (api_credentials, the JDBC realm) when the name is an active one
 * there, otherwise the centre's directory (the LDAP realm) when one is configured. Collectors are local credentials,
 * so they never depend on the directory being up; an operator's directory account is never shadowed by a stale local
 * row, since a deactivated local credential does not count. Elytron asks this for every password and every session
 * look-up (it finds the bean through CDI, hence unremovable).
 */
@ApplicationScoped
@Unremovable
public class LoginRealms implements RealmMapper {

    /** quarkus.security.jdbc.realm-name */
    public static final String LOCAL = "local";

    /** quarkus.security.ldap.realm-name */
    public static final String DIRECTORY = "directory";

    /** The cost of the local credentials' hashes (the guide's bcrypt.gensalt(), the bootstrap credential). */
    private static final int LOCAL_BCRYPT_COST = 12;

    @Inject
    Credentials credentials;

    @Inject
    StatusConfig config;

    /** A hash of random bytes nobody kept, made on first use: checking a password against it costs a local check. */
    private volatile String decoyHash;

    public boolean directoryEnabled() {
        return config.security().directory().enabled();
    }

    /** Blocking: asks the database whether the name is an active local credential. */
    public boolean checkedByDirectory(String username) {
        return directoryEnabled() && !QuarkusTransaction.requiringNew().call(() -> credentials.active(username));
    }

    @Override
    public String getRealmMapping(Principal principal, Evidence evidence) {
        return principal != null && checkedByDirectory(principal.getName()) ? DIRECTORY : LOCAL;
    }

    /**
     * Before a password goes to the directory, spends one bcrypt check on it, as a local login does: otherwise the
     * time of an answer would tell which names are local credentials (collectors), and a directory answers in a
     * millisecond or two whether the name exists or not, so it tells no more.
     */
    public Uni<Void> evenOutTiming(String username, char[] password, AuthenticationRequestContext context) {
        if (!directoryEnabled()) {
            return Uni.createFrom().voidItem();
        }
        return context.runBlocking(() -> {
            if (checkedByDirectory(username)) {
                BcryptUtil.matches(new String(password), decoyHash());
            }
            return null;
        }).replaceWithVoid();
    }

    private String decoyHash() {
        if (decoyHash == null) {
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            decoyHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(secret), LOCAL_BCRYPT_COST);
        }
        return decoyHash;
    }

    /**
     * The directory could not be asked: Elytron reports a directory it cannot reach, or an answer it cannot use, as
     * its realm being unavailable with the LDAP client's NamingException as the cause. A wrong password, a locked
     * account or an unknown name is a plain failure without one.
     */
    public static boolean isDirectoryFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof NamingException || cause instanceof DirectoryUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** The directory's failure as the service reports it, logged once here with what the LDAP client said. */
    public static DirectoryUnavailableException unavailable(Throwable failure) {
        if (failure instanceof DirectoryUnavailableException already) {
            return already;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Log.warnf("The directory could not be asked: %s: %s", root.getClass().getSimpleName(), root.getMessage());
        return new DirectoryUnavailableException("The directory could not be asked");
    }
}
