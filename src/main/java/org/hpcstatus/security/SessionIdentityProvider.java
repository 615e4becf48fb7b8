package org.hpcstatus.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.elytron.security.runtime.ElytronTrustedIdentityProvider;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Turns a session token into the operator it belongs to. The permissions come from the realm on every request (the
 * local credentials, or the directory, whose look-ups the LDAP realm's cache keeps to one a minute per operator), as
 * for a Basic login, so a role taken away applies at once, not at the next login.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<SessionRequest> {

    /** Attribute of a session identity: the CSRF token its forms must carry. */
    public static final String CSRF_TOKEN = "hpcstatus.csrf-token";

    @Inject
    OperatorSessions sessions;

    @Inject
    ElytronTrustedIdentityProvider realm;

    @Override
    public Class<SessionRequest> getRequestType() {
        return SessionRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionRequest request, AuthenticationRequestContext context) {
        // On a worker: the session look-up is JDBC, and so is the realm's (which then runs in place, not handed on).
        return context.runBlocking(() -> {
            OperatorSessions.Session found = sessions.find(request.token())
                    .orElseThrow(() -> new AuthenticationFailedException("No such session"));
            SecurityIdentity identity;
            try {
                identity = realm.authenticate(new TrustedAuthenticationRequest(found.username()), context).await().indefinitely();
            } catch (RuntimeException e) {
                if (!LoginRealms.isDirectoryFailure(e)) {
                    throw e;
                }
                // The directory is down: the page is served as to anyone, and operator pages send to the login form,
                // which says why. Never the session's permissions from before: the directory may have taken them away.
                LoginRealms.unavailable(e);
                throw new AuthenticationFailedException("The directory could not be asked");
            }
            if (identity == null) {
                throw new AuthenticationFailedException("No such user any more"); // gone from the directory
            }
            return QuarkusSecurityIdentity.builder(identity).addAttribute(CSRF_TOKEN, found.csrfToken()).build();
        });
    }
}
