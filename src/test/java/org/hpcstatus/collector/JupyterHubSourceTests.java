package org.hpcstatus.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import org.hpcstatus.collector.jupyterhub.JupyterHubSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JupyterHub source against a stand-in for the hub's REST API (JupyterHub itself cannot be installed here): it
 * answers /hub/api/users?state=active in pages, as JupyterHub 2 and later do when asked, and checks the token.
 */
class JupyterHubSourceTests {

    @TempDir
    Path dir;

    private HttpServer hub;
    private final List<String> asked = new ArrayList<>();

    @AfterEach
    void stop() {
        if (hub != null) {
            hub.stop(0);
        }
    }

    @Test
    void usersWithARunningServerAndTheirServersAreCountedOverEveryPage() throws IOException {
        start();
        Collection collection = new Collection();
        new JupyterHubSource(URI.create("http://127.0.0.1:" + hub.getAddress().getPort()), token(),
                Duration.ofSeconds(5)).collect(collection);
        assertEquals("{\"available\":true,\"active_users\":201,\"active_sessions\":202}", collection.payload.toString());
        assertEquals(2, asked.size(), "two pages: " + asked);
        assertTrue(asked.get(1).contains("offset=200"), asked.toString());
    }

    @Test
    void aHubThatDoesNotAnswerIsUnavailableAndItsCountsNotCollected() throws IOException {
        Collection collection = new Collection();
        new JupyterHubSource(URI.create("http://127.0.0.1:9"), token(), Duration.ofSeconds(2)).collect(collection);
        assertEquals("{\"available\":false,\"active_users\":null,\"active_sessions\":null}",
                collection.payload.toString());
        assertEquals(1, collection.missing().size());
    }

    private Path token() throws IOException {
        Path file = dir.resolve("token");
        Files.writeString(file, "s3cret-token\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** 201 active users: 200 on the first page (one with a second, named server), one on the second. */
    private void start() throws IOException {
        hub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hub.createContext("/hub/api/users", exchange -> {
            asked.add(exchange.getRequestURI().toString());
            boolean authorized = "token s3cret-token".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            boolean first = !exchange.getRequestURI().getQuery().contains("offset=200");
            StringBuilder items = new StringBuilder();
            int count = first ? 200 : 1;
            for (int i = 0; i < count; i++) {
                String servers = i == 0 && first ? "{\"\":{\"ready\":true},\"gpu\":{\"ready\":true}}"
                        : "{\"\":{\"ready\":true}}";
                items.append(i == 0 ? "" : ",").append("{\"name\":\"u").append(i).append("\",\"servers\":")
                        .append(servers).append('}');
            }
            String next = first ? "{\"offset\":200,\"limit\":200,\"url\":\"/hub/api/users?offset=200\"}" : "null";
            byte[] body = ("{\"items\":[" + items + "],\"_pagination\":{\"offset\":" + (first ? 0 : 200)
                    + ",\"limit\":200,\"total\":201,\"next\":" + next + "}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? 200 : 403, authorized ? body.length : -1);
            try (OutputStream out = exchange.getResponseBody()) {
                if (authorized) {
                    out.write(body);
                }
            }
        });
        hub.start();
    }
}
