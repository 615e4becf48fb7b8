package org.hpcstatus.web;

import java.time.Duration;
import java.util.Set;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hpcstatus.contract.Sha256;

/**
 * Conditional GET: an answer carries an ETag (a hash of its body) and a Cache-Control that lets a reverse proxy
 * serve it for a few seconds; a client that sends the ETag back in If-None-Match gets a bodiless 304.
 */
public final class Conditional {

    private Conditional() {
    }

    public static EntityTag tagOf(String body) {
        return new EntityTag(Sha256.hex(body).substring(0, 32));
    }

    /**
     * A weak ETag over a JSON document without the fields that only say how old it is ({@code clockFields}, at any
     * depth): a client polling for news gets a 304 while nothing but the clock moved.
     */
    public static EntityTag weakTagOf(JsonNode document, Set<String> clockFields) {
        JsonNode copy = document.deepCopy();
        strip(copy, clockFields);
        return new EntityTag(Sha256.hex(copy.toString()).substring(0, 32), true);
    }

    private static void strip(JsonNode node, Set<String> fields) {
        if (node instanceof ObjectNode object) {
            object.remove(fields);
        }
        node.forEach(child -> strip(child, fields));
    }

    /** A public answer anyone may keep {@code maxAge} (badges: an image, not the news). */
    public static Response of(Request request, String body, String mediaType, Duration maxAge) {
        CacheControl cache = new CacheControl();
        cache.setNoTransform(false);
        cache.setMaxAge((int) maxAge.toSeconds());
        return of(request, body, tagOf(body), mediaType, cache, false);
    }

    /** {@code varyByCookie} for pages, which differ by the palette cookie and the session cookie. */
    public static Response of(Request request, String body, EntityTag tag, String mediaType, CacheControl cache,
            boolean varyByCookie) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(body, mediaType);
        answer.tag(tag).cacheControl(cache);
        if (varyByCookie) {
            answer.header(HttpHeaders.VARY, HttpHeaders.COOKIE);
        }
        return answer.build();
    }

    /**
     * A reverse proxy may answer for {@code proxyMaxAge}; a browser asks again every time (a 304 while nothing
     * changed), so that a page reloaded, or fetched by the live script, right after a post shows it.
     */
    public static CacheControl shared(Duration proxyMaxAge) {
        CacheControl cache = new CacheControl();
        cache.setNoTransform(false);
        cache.setMaxAge(0);
        cache.setSMaxAge((int) proxyMaxAge.toSeconds());
        return cache;
    }

    /** For a page that carries a session's forms or a login's data: no shared cache may keep it. */
    public static CacheControl personal() {
        CacheControl cache = new CacheControl();
        cache.setNoTransform(false);
        cache.setPrivate(true);
        cache.setNoStore(true);
        return cache;
    }
}
