package org.hpcstatus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The one owner of the credentials, roles and their permissions (api_credentials, role, role_api_credentials,
 * role_permission), apart from the JDBC realm's two queries in application.properties, through which Elytron checks
 * a login. Callers run these in a transaction.
 */
@ApplicationScoped
public class Credentials {

    @Inject
    EntityManager em;

    public boolean exists(String username) {
        return !em.createQuery("select c.id from Credential c where c.username = :username", Long.class)
                .setParameter("username", username).setMaxResults(1).getResultList().isEmpty();
    }

    /** Whether the credential may log in still (it exists and is active). */
    public boolean active(String username) {
        return !em.createQuery("select c.id from Credential c where c.username = :username and c.active = true",
                Long.class).setParameter("username", username).setMaxResults(1).getResultList().isEmpty();
    }

    /** Adds an active credential holding {@code roleName}; the hash is bcrypt's whole string. */
    public void create(String username, String passwordHash, String description, String roleName) {
        Credential credential = new Credential();
        credential.username = username;
        credential.passwordHash = passwordHash;
        credential.description = description;
        credential.active = true;
        em.persist(credential);
        RoleAssignment assignment = new RoleAssignment();
        assignment.credentialId = credential.id;
        assignment.roleId = em.createQuery("select r.id from Role r where r.roleName = :name", Long.class)
                .setParameter("name", roleName).getSingleResult();
        em.persist(assignment);
    }
}
