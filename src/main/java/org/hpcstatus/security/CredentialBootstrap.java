package org.hpcstatus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
    EntityManager em;

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
        Number existing = (Number) em.createNativeQuery("SELECT COUNT(*) FROM api_credentials WHERE username = ?1")
                .setParameter(1, username).getSingleResult();
        if (existing.longValue() > 0) {
            Log.infof("Bootstrap credential '%s' already exists; left unchanged", username);
            return;
        }
        em.createNativeQuery("INSERT INTO api_credentials (username, password_hash, description, active)"
                + " VALUES (?1, ?2, 'Created at start-up from hpcstatus.security.bootstrap', TRUE)")
                .setParameter(1, username).setParameter(2, BcryptUtil.bcryptHash(password, BCRYPT_COST)).executeUpdate();
        em.createNativeQuery("INSERT INTO role_api_credentials (role_id, api_credentials_id)"
                + " SELECT r.role_id, ac.api_credentials_id FROM role r, api_credentials ac"
                + " WHERE r.role_name = 'admin' AND ac.username = ?1").setParameter(1, username).executeUpdate();
        Log.infof("Created bootstrap admin credential '%s'", username);
    }
}
