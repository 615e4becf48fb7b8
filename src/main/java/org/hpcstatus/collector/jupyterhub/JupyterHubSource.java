package org.hpcstatus.collector.jupyterhub;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hpcstatus.collector.Collection;
import org.hpcstatus.collector.config.CredentialsFile;

/**
 * A JupyterHub through its REST API ({@code GET /hub/api/users?state=active}, with a token that may read users and
 * servers): who has a server running, and how many servers. The hub answering is {@code available}; a hub that does
 * not answer is reported unavailable, and its counts not collected.
 */
public final class JupyterHubSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 200;

    private final URI hub;
    private final Path tokenFile;
    private final Duration timeout;

    public JupyterHubSource(URI hub, Path tokenFile, Duration timeout) {
        this.hub = hub;
        this.tokenFile = tokenFile;
        this.timeout = timeout;
    }

    public void collect(Collection into) {
        String token = token();
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        int users = 0;
        int sessions = 0;
        try {
            for (int offset = 0; ; offset += PAGE) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(hub + "/hub/api/users?state=active&offset="
                        + offset + "&limit=" + PAGE)).timeout(timeout).header("Authorization", "token " + token)
                        .header("Accept", "application/jupyterhub-pagination+json").GET().build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IOException("HTTP " + response.statusCode());
                }
                JsonNode page = JSON.readTree(response.body());
                // Paginated (JupyterHub 2 and later, when asked): {"items": [...], "_pagination": {"next": ...}}; a
                // plain list from older hubs.
                JsonNode items = page.isArray() ? page : page.path("items");
                for (JsonNode user : items) {
                    int running = 0;
                    for (JsonNode server : user.path("servers")) {
                        if (server.path("ready").asBoolean(false) || server.hasNonNull("pending")) {
                            running++;
                        }
                    }
                    if (running == 0 && user.path("servers").isMissingNode() && user.hasNonNull("server")) {
                        running = 1;  // a token without read:servers sees only the default server's URL
                    }
                    sessions += running;
                    users += running > 0 ? 1 : 0;
                }
                if (page.isArray() || page.path("_pagination").path("next").isNull()
                        || page.path("_pagination").path("next").isMissingNode() || items.isEmpty()) {
                    break;
                }
            }
        } catch (IOException e) {
            into.payload.put("available", false);
            into.payload.putNull("active_users");
            into.payload.putNull("active_sessions");
            into.missing("JupyterHub users (" + hub + ": " + e.getMessage() + ")");
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        into.payload.put("available", true);
        into.payload.put("active_users", users);
        into.payload.put("active_sessions", sessions);
    }

    private String token() {
        return CredentialsFile.readSecret(tokenFile, "JupyterHub token file").strip();
    }
}
