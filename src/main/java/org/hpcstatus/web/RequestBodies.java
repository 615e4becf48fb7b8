package org.hpcstatus.web;

import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hpcstatus.config.StatusConfig;

/**
 * How request bodies are read, so that a slow or large one cannot take the service down:
 * <ul>
 * <li>a declared Content-Length over the limit is a 413 before anything is read, with the JSON error body;</li>
 * <li>a body is read on the event loop, into memory, before a worker thread is involved (the endpoints would read
 * it blocking, holding one worker per trickling client until none is left for the pages), and only once its sender
 * has logged in, so that nobody unknown can make the service hold bodies;</li>
 * <li>the login form is the one body read from a sender not logged in, and at most 16 KiB of it;</li>
 * <li>a body not complete within hpcstatus.ingest.body-read-timeout is a 408 and the connection is closed.</li>
 * </ul>
 * Bodies sent without a length are measured again, after reading, by JsonBody.
 */
@ApplicationScoped
public class RequestBodies {

    /** After Quarkus' authentication handlers (which set the deferred identity), before the REST endpoints. */
    private static final int ORDER = 900;

    /** The one form anybody may send unauthenticated: the login form, which is small. */
    public static final String LOGIN_PATH = "/login";
    private static final int LOGIN_FORM_LIMIT = 16 * 1024;

    /** The timer of a body being read, in the routing context; cancelled once the body is complete. */
    private static final String BODY_DEADLINE = "hpcstatus.body-deadline";

    @Inject
    StatusConfig config;

    void install(@Observes Router router) {
        int limit = config.ingest().maxBodyBytes();
        MemorySize transport = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class);
        if (transport.asLongValue() <= limit) {
            // A body sent without a length would then be cut off by the transport, with no JSON error, before the
            // check in JsonBody could measure it.
            Log.warnf("hpcstatus.ingest.max-body-bytes (%d) is not below quarkus.http.limits.max-body-size (%d bytes):"
                    + " raise the latter, or chunked posts over it get a bare 413", limit, transport.asLongValue());
        }
        String tooLarge = "{\"error\":\"Request body is larger than " + limit + " bytes\"}";
        router.route().order(-1000).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && declaredOver(length, limit)) {
                context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CONNECTION, "close").end(tooLarge);
                return;
            }
            context.next();
        });
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(transport.asLongValue());
        BodyHandler loginForms = BodyHandler.create(false).setBodyLimit(LOGIN_FORM_LIMIT);
        router.route().order(ORDER).handler(context -> {
            // HTTP/2 (TLS with ALPN, or cleartext h2c) is left to the REST layer, which reads a stream's body itself
            // within quarkus.http.limits.max-body-size: a stream whose body has ended before the endpoint runs
            // cannot be paused again, which RESTEasy Reactive does after a body handler (a 500 for every h2 post).
            // A trickling HTTP/2 client holds one stream under flow control, not a connection and a worker.
            if (!hasBody(context.request()) || context.request().version() == HttpVersion.HTTP_2) {
                context.next();
                return;
            }
            Uni<SecurityIdentity> identity = context.get(QuarkusHttpUser.DEFERRED_IDENTITY_KEY);
            if (identity == null) {
                read(context, bodies);
                return;
            }
            // The login may complete on another thread (a worker running bcrypt, or another request's check):
            // the body waits, paused, and is taken up on this request's own event loop. A failed login is left to
            // the endpoint, which maps it once (401, 429, 503); Quarkus' own failure handler would answer it again.
            context.request().pause();
            Context eventLoop = Vertx.currentContext();
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (c, e) -> { });
            identity.subscribe().with(
                    who -> eventLoop.runOnContext(ignored -> {
                        if (who.isAnonymous() && LOGIN_PATH.equals(context.normalizedPath())) {
                            read(context, loginForms); // a login form: a few hundred bytes, read within the deadline
                        } else if (who.isAnonymous()) {
                            proceedUnread(context); // the endpoint answers 401 without reading the body
                        } else {
                            read(context, bodies);
                        }
                    }),
                    failure -> eventLoop.runOnContext(ignored -> proceedUnread(context)));
        });
        // Reached when the body is complete (BodyHandler moves on only then), or was never going to be read.
        router.route().order(ORDER + 1).handler(context -> {
            Long timer = context.get(BODY_DEADLINE);
            if (timer != null) {
                context.vertx().cancelTimer(timer);
            }
            context.next();
        });
        // A client that closes its connection mid-body has nobody left to answer: no error to report.
        router.route().order(ORDER).failureHandler(context -> {
            if (context.failure() instanceof HttpClosedException) {
                Log.debugf("Client %s closed its connection before its request body was complete",
                        context.request().remoteAddress());
                return;
            }
            context.next();
        });
    }

    /** On to an endpoint that will refuse the request; the body it will not read is let through and dropped. */
    private static void proceedUnread(RoutingContext context) {
        context.next();
        context.request().resume();
    }

    /** The deadline runs from here: the time a login takes (bcrypt, a busy pool) is not the client's. */
    private void read(RoutingContext context, BodyHandler bodies) {
        closeIfNotReadInTime(context);
        bodies.handle(context);
        context.request().resume();
    }

    private void closeIfNotReadInTime(RoutingContext context) {
        long timeout = config.ingest().bodyReadTimeout().toMillis();
        long timer = context.vertx().setTimer(timeout, id -> {
            if (context.response().ended() || context.response().closed()) {
                return;
            }
            Log.infof("Closing a connection from %s: its request body was not complete after %d ms",
                    context.request().remoteAddress(), timeout);
            context.response().setStatusCode(408).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end("{\"error\":\"Request body not received within " + timeout / 1000 + " s\"}")
                    .onComplete(done -> context.request().connection().close());
        });
        context.put(BODY_DEADLINE, timer);
        context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !length.trim().equals("0");
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private static boolean declaredOver(String length, int limit) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
