package org.hpcstatus.operator;

import java.net.URI;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.ext.web.RoutingContext;
import org.hpcstatus.config.StatusConfig;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.security.CachingIdentityProvider;
import org.hpcstatus.security.DirectoryUnavailableException;
import org.hpcstatus.security.OperatorSessions;
import org.hpcstatus.security.Permissions;
import org.hpcstatus.web.LocalPaths;
import org.hpcstatus.web.Page;
import org.hpcstatus.web.PageChrome;
import org.hpcstatus.web.Visitor;
import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The operators' form login and logout. The password is checked by the same identity provider as HTTP Basic (the
 * local credentials or the centre's directory, behind the cache and the failed-login throttle), so the form gives a guessing loop nothing Basic does
 * not. The form itself carries a CSRF token (a cookie and a hidden field that must match), so that no other site can
 * log a browser in under its own account. Success opens a database session (OperatorSessions).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {

    /** Cookie of the login form's own CSRF token (there is no session yet to hold one). */
    static final String LOGIN_CSRF_COOKIE = "hpcstatus_login_csrf";
    private static final Duration LOGIN_FORM_LIFETIME = Duration.ofHours(1);
    private static final int DIRECTORY_RETRY_AFTER_SECONDS = 60;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(Page page, String next, String username, String csrf, String error);
    }

    @Inject
    IdentityProviderManager identities;

    @Inject
    OperatorSessions sessions;

    @Inject
    PageChrome chrome;

    @Inject
    StatusConfig config;

    @Inject
    Visitor visitor;

    @Inject
    RoutingContext routing;

    @GET
    @Path("login")
    public Response form(@QueryParam("next") String next) {
        String csrf = OperatorSessions.randomToken();
        return page(Status.OK, LocalPaths.orDefault(next, "/operator"), "", csrf, null).cookie(loginCsrfCookie(csrf)).build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String username, @RestForm String password, @RestForm String next,
            @RestForm("csrf") String csrf, @RestCookie(LOGIN_CSRF_COOKIE) String expectedCsrf) {
        String target = LocalPaths.orDefault(next, "/operator");
        String name = username == null ? "" : username;
        String fresh = OperatorSessions.randomToken();
        if (!Csrf.matches(expectedCsrf, csrf)) {
            return page(Status.FORBIDDEN, target, name, fresh,
                    "This login form had expired or did not come from this site. Please try again.")
                    .cookie(loginCsrfCookie(fresh)).build();
        }
        if (name.isBlank() || password == null || password.isEmpty()) {
            return page(Status.BAD_REQUEST, target, name, fresh, "Enter a user name and a password.")
                    .cookie(loginCsrfCookie(fresh)).build();
        }
        SecurityIdentity who;
        try {
            who = identities.authenticateBlocking(HttpSecurityUtils.setRoutingContextAttribute(
                    new UsernamePasswordAuthenticationRequest(name, new PasswordCredential(password.toCharArray())),
                    routing));
        } catch (DirectoryUnavailableException down) {
            return page(Status.SERVICE_UNAVAILABLE, target, name, fresh, "The centre's directory cannot be reached, so "
                    + "this login cannot be checked right now. Please try again in a few minutes.")
                    .header(HttpHeaders.RETRY_AFTER, DIRECTORY_RETRY_AFTER_SECONDS).cookie(loginCsrfCookie(fresh)).build();
        } catch (AuthenticationFailedException failed) {
            Object retryAfter = failed.getAttributes() == null ? null
                    : failed.getAttributes().get(CachingIdentityProvider.RETRY_AFTER_SECONDS);
            if (retryAfter != null) {
                return page(Status.TOO_MANY_REQUESTS, target, name, fresh,
                        "Too many failed logins. Try again in " + retryAfter + " seconds.")
                        .header(HttpHeaders.RETRY_AFTER, retryAfter).cookie(loginCsrfCookie(fresh)).build();
            }
            if (DatabaseErrors.isUnavailable(failed)) {
                throw new IllegalStateException("The login could not be checked", failed); // a 503 page
            }
            return page(Status.UNAUTHORIZED, target, name, fresh, "Wrong user name or password.")
                    .cookie(loginCsrfCookie(fresh)).build();
        }
        if (!who.hasRole(Permissions.EDIT_SYSTEM_STATUS)) {
            return page(Status.FORBIDDEN, target, name, fresh, "This login may not change outages ("
                    + Permissions.EDIT_SYSTEM_STATUS + " is needed): operator pages are not open to it.")
                    .cookie(loginCsrfCookie(fresh)).build();
        }
        OperatorSessions.Opened opened = sessions.open(who.getPrincipal().getName());
        return Response.seeOther(URI.create(target)).cookie(sessionCookie(opened.token(), config.security().sessionLifetime()))
                .cookie(loginCsrfCookie(null)).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@RestForm("csrf") String csrf, @RestCookie(OperatorSessions.COOKIE) String token) {
        if (!visitor.operator().isEmpty() && !Csrf.matches(visitor.csrfToken(), csrf)) {
            // Another site cannot log an operator out either.
            return Response.seeOther(URI.create("/")).build();
        }
        sessions.close(token);
        return Response.seeOther(URI.create("/")).cookie(sessionCookie(null, Duration.ZERO)).build();
    }

    private Response.ResponseBuilder page(Status status, String next, String username, String csrf, String error) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.login(chrome.page("Operator login").withoutRefresh(), next, username, csrf, error));
    }

    /** HttpOnly, SameSite=Lax (a link from a chat opens the pages logged in; no other site's form carries it). */
    private NewCookie sessionCookie(String token, Duration lifetime) {
        return new NewCookie.Builder(OperatorSessions.COOKIE).value(token == null ? "" : token).path("/")
                .maxAge((int) lifetime.toSeconds()).httpOnly(true).secure(secure()).sameSite(NewCookie.SameSite.LAX).build();
    }

    private NewCookie loginCsrfCookie(String token) {
        return new NewCookie.Builder(LOGIN_CSRF_COOKIE).value(token == null ? "" : token).path("/login")
                .maxAge(token == null ? 0 : (int) LOGIN_FORM_LIFETIME.toSeconds()).httpOnly(true).secure(secure())
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private boolean secure() {
        return config.security().secureCookie() || "https".equals(routing.request().scheme());
    }
}
