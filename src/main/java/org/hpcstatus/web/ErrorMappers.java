package org.hpcstatus.web;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import org.hpcstatus.contract.ConflictException;
import org.hpcstatus.contract.InvalidPayloadException;
import org.hpcstatus.contract.PayloadTooLargeException;
import org.hpcstatus.contract.PreconditionFailedException;
import org.hpcstatus.database.DatabaseErrors;
import org.hpcstatus.security.CachingIdentityProvider;
import org.hpcstatus.security.DirectoryUnavailableException;
import org.hpcstatus.security.Permissions;
import org.hpcstatus.system.UnknownSystemException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.SimpleResourceInfo;

/**
 * Every error an endpoint raises is answered here, once, as JSON or as the HTML error page. Only the refusals made
 * before any endpoint runs, a body too large (413) or too slow (408), are written by {@link RequestBodies}, in the
 * same JSON shape. 4xx bodies say what the client got wrong; 5xx bodies never carry exception text, only an id under
 * which the details are logged.
 */
public class ErrorMappers {

    @Inject
    ErrorPages pages;

    static final String CHALLENGE = "Basic realm=\"hpc-status\", charset=\"UTF-8\"";
    private static final int DATABASE_RETRY_AFTER_SECONDS = 30;
    private static final int DIRECTORY_RETRY_AFTER_SECONDS = 60;

    @ServerExceptionMapper
    public Response invalidPayload(InvalidPayloadException e, UriInfo uri) {
        if (isPage(uri)) {
            return html(Status.BAD_REQUEST, "Bad request", e.getMessage(), null);
        }
        return json(Status.BAD_REQUEST, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unknownSystem(UnknownSystemException e, UriInfo uri) {
        if (isPage(uri)) {
            return html(Status.NOT_FOUND, "System not found", e.getMessage() + ": it is not one of the systems this "
                    + "dashboard tracks.", null);
        }
        return json(Status.NOT_FOUND, e.getMessage());
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return json(Status.CONFLICT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response preconditionFailed(PreconditionFailedException e) {
        return json(Status.PRECONDITION_FAILED, e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooLarge(PayloadTooLargeException e) {
        return json(Status.REQUEST_ENTITY_TOO_LARGE, e.getMessage());
    }

    @ServerExceptionMapper
    public Response clientNotAllowed(ClientNotAllowedException e) {
        return json(Status.FORBIDDEN, e.getMessage());
    }

    @ServerExceptionMapper
    public Response tooBusy(TooBusyException e) {
        return Response.status(e.ownRate() ? Status.TOO_MANY_REQUESTS : Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(e.getMessage())).build();
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e) {
        return json(Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
    }

    @ServerExceptionMapper
    public Response authenticationRequired(UnauthorizedException e) {
        return Response.status(Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of("Authentication required")).build();
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        Object retryAfter = e.getAttributes() == null ? null : e.getAttributes().get(CachingIdentityProvider.RETRY_AFTER_SECONDS);
        if (retryAfter != null) {
            return Response.status(Status.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, retryAfter)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(ApiError.of("Too many failed logins; retry after " + retryAfter + " seconds")).build();
        }
        if (databaseUnavailable(e)) {
            return databaseDown(e, null);
        }
        return Response.status(Status.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of("Invalid credentials")).build();
    }

    /** Names the permission the endpoint asks for (its @RolesAllowed: permissions are roles here). */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, SimpleResourceInfo resource) {
        String needed = Permissions.MANAGE_SYSTEM_STATUS;
        if (resource != null && resource.getResourceClass() != null) {
            try {
                RolesAllowed roles = resource.getResourceClass()
                        .getMethod(resource.getMethodName(), resource.parameterTypes()).getAnnotation(RolesAllowed.class);
                if (roles == null) {
                    roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
                }
                if (roles != null && roles.value().length > 0) {
                    needed = String.join(" or ", roles.value());
                }
            } catch (NoSuchMethodException notFound) {
                // keep the default
            }
        }
        return json(Status.FORBIDDEN, needed + " permission required");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        if (original.getStatus() >= 500) {
            return unexpected(e, uri);
        }
        String reason = original.getStatusInfo().getReasonPhrase();
        if (isPage(uri)) {
            Status status = Status.fromStatusCode(original.getStatus());
            Response page = html(status == null ? Status.BAD_REQUEST : status, reason == null ? "Request failed" : reason,
                    original.getStatus() == 404 ? "There is no page at this address." : "The request could not be served.",
                    null);
            return Response.fromResponse(original).type(MediaType.TEXT_HTML_TYPE).entity(page.getEntity()).build();
        }
        return Response.fromResponse(original).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(reason == null ? "Request failed" : reason)).build();
    }

    /** The directory could not check a login (Basic on the API, or a page behind one): nobody is let in. */
    @ServerExceptionMapper
    public Response directoryDown(DirectoryUnavailableException e, UriInfo uri) {
        if (isPage(uri)) {
            return Response.fromResponse(html(Status.SERVICE_UNAVAILABLE, "Login temporarily unavailable",
                    "The centre's directory cannot be reached, so logins cannot be checked right now.", null))
                    .header(HttpHeaders.RETRY_AFTER, DIRECTORY_RETRY_AFTER_SECONDS).build();
        }
        return Response.status(Status.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DIRECTORY_RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of("Directory unavailable; the login could not be "
                        + "checked, retry later")).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            return databaseDown(e, uri);
        }
        if (clientWentAway(e)) {
            // The client closed the connection while sending its body: nobody is left to answer, and it is no bug.
            Log.debugf("Client closed the connection mid-request: %s", rootMessage(e));
            return Response.status(Status.BAD_REQUEST).build();
        }
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Internal error error_id=%s", errorId);
        if (isPage(uri)) {
            return html(Status.INTERNAL_SERVER_ERROR, "Internal error",
                    "Something went wrong on our side. Please report the error id below.", errorId);
        }
        return Response.status(Status.INTERNAL_SERVER_ERROR).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("Internal error", errorId)).build();
    }

    private Response databaseDown(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf("Database unavailable error_id=%s: %s", errorId, rootMessage(e));
        if (isPage(uri)) {
            return Response.fromResponse(html(Status.SERVICE_UNAVAILABLE, "Status temporarily unavailable",
                    "The status database cannot be reached right now. This page will retry by itself.", errorId))
                    .header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS).build();
        }
        return Response.status(Status.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, DATABASE_RETRY_AFTER_SECONDS)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError("Database unavailable; retry later", errorId)).build();
    }

    /** Everything outside /api/ is a page for people. */
    /** The API and the badges (images) answer errors as JSON; everything else is a page people read. */
    private static boolean isPage(UriInfo uri) {
        return uri != null && !uri.getPath().startsWith("/api/") && !uri.getPath().startsWith("/badge/");
    }

    private Response html(Status status, String title, String message, String errorId) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.render(status.getStatusCode(), title, message, errorId)).build();
    }

    /** A lost or refused connection, or a realm that cannot reach its database. */
    static boolean databaseUnavailable(Throwable e) {
        return DatabaseErrors.isUnavailable(e);
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Response json(Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(ApiError.of(message)).build();
    }
}
