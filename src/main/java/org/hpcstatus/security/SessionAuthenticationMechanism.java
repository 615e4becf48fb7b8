package org.hpcstatus.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The operator session cookie as a login, next to HTTP Basic (which keeps its challenge: this mechanism never asks
 * for a login, the pages send people to /login). A cookie that names no live session reads as no login at all, so a
 * stale cookie never turns a public page into a 401. Writes to the JSON API ignore the cookie: those are for
 * scripts with Basic credentials, and a browser session must not be usable there from another site's form.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        Cookie cookie = context.request().getCookie(OperatorSessions.COOKIE);
        if (cookie == null || cookie.getValue().isBlank() || isApiWrite(context)) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(new SessionRequest(cookie.getValue()), context))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    private static boolean isApiWrite(RoutingContext context) {
        HttpMethod method = context.request().method();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        return !safe && context.normalizedPath().startsWith("/api/");
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(SessionRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, OperatorSessions.COOKIE));
    }

    /** After Basic: a request that carries both is judged by its Basic credentials. */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY - 100;
    }
}
