package org.hpcstatus.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import org.hpcstatus.security.Permissions;
import org.hpcstatus.security.SessionIdentityProvider;

/**
 * Who is looking at a page, as far as the page cares: the palette they chose (a cookie; none means the browser's
 * preference), whether they are an operator logged in through the form (then the page shows operator controls and
 * carries the session's CSRF token for its forms), and the address they are on (where a theme link returns to).
 */
@RequestScoped
public class Visitor {

    /** Cookie holding the chosen palette: light or dark. */
    public static final String THEME_COOKIE = "hpcstatus_theme";

    @Inject
    CurrentVertxRequest request;

    @Inject
    SecurityIdentity identity;

    private Optional<SecurityIdentity> session;

    /** "light" or "dark" when chosen, else empty: the browser's own preference applies. */
    public String theme() {
        RoutingContext context = request.getCurrent();
        Cookie cookie = context == null ? null : context.request().getCookie(THEME_COOKIE);
        return cookie == null ? "" : validTheme(cookie.getValue()).orElse("");
    }

    /** The color-scheme the page declares before its stylesheet arrives, so that nothing flashes in the other palette. */
    public String colorScheme() {
        String theme = theme();
        return theme.isEmpty() ? "light dark" : theme;
    }

    public static Optional<String> validTheme(String value) {
        return "light".equals(value) || "dark".equals(value) ? Optional.of(value) : Optional.empty();
    }

    /** The operator logged in through the form, or empty (Basic credentials are a script's, not a page visitor's). */
    public String operator() {
        return session().map(who -> who.getPrincipal().getName()).orElse("");
    }

    /** Whether the logged-in operator may change outages (EDIT_SYSTEM_STATUS). */
    public boolean canEdit() {
        return session().map(who -> who.hasRole(Permissions.EDIT_SYSTEM_STATUS)).orElse(false);
    }

    /** The session's CSRF token, which every operator form sends back. */
    public String csrfToken() {
        return session().map(who -> (String) who.getAttribute(SessionIdentityProvider.CSRF_TOKEN)).orElse("");
    }

    /** This page's path, without its query. */
    public String path() {
        RoutingContext context = request.getCurrent();
        return context == null ? "/" : context.normalizedPath();
    }

    /** This page's address (path and query), URL-encoded for a query parameter. */
    public String here() {
        RoutingContext context = request.getCurrent();
        String uri = context == null ? "/" : context.request().uri();
        return URLEncoder.encode(uri, StandardCharsets.UTF_8);
    }

    private Optional<SecurityIdentity> session() {
        if (session == null) {
            SecurityIdentity who;
            if (Context.isOnEventLoopThread()) {
                // An error page rendered on the event loop (no route matched) may not wait for a login check: it
                // uses one already made, or none.
                RoutingContext context = request.getCurrent();
                who = context != null && context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
            } else {
                try {
                    who = identity.isAnonymous() ? null : identity;
                } catch (AuthenticationFailedException failed) {
                    who = null; // wrong Basic credentials on a public page: the page is still public
                }
            }
            session = Optional.ofNullable(who).filter(found -> found.getAttribute(SessionIdentityProvider.CSRF_TOKEN) != null);
        }
        return session;
    }
}
