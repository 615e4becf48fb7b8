package org.hpcstatus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.database.DatabaseReady;

/**
 * Creates the first admin credential from configuration (HPCSTATUS_SECURITY_BOOTSTRAP_USERNAME / _PASSWORD), so an
 * operator never has to compute a bcrypt hash by hand. It never overwrites an existing credential and there is no
 * default password: with nothing configured, nothing is created.
 */
@ApplicationScoped
public class CredentialBootstrap {

    private static final int BCRYPT_COST = 12;

    @Inject
    StatusConfig config;

    @Inject
    Credentials credentials;

    void onDatabaseReady(@Observes DatabaseReady ready) {
        var security = config.security();
        if (security.bootstrapUsername().isEmpty() || security.bootstrapPassword().isEmpty()) {
            return;
        }
        String username = security.bootstrapUsername().get().strip();
        String password = security.bootstrapPassword().get();
        try {
            QuarkusTransaction.requiringNew().run(() -> create(username, password));
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isConstraintViolation(e)) {
                throw e;
            }
            // Replicas starting together: another one inserted it between our look and our insert.
            Log.infof("Bootstrap credential '%s' was created by another replica; left unchanged", username);
        }
    }

    private void create(String username, String password) {
        if (credentials.exists(username)) {
            Log.infof("Bootstrap credential '%s' already exists; left unchanged", username);
            return;
        }
        credentials.create(username, BcryptUtil.bcryptHash(password, BCRYPT_COST),
                "Created at start-up from hpcstatus.security.bootstrap", "admin");
        Log.infof("Created bootstrap admin credential '%s'", username);
    }
}
