package org.hpcstatus.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.elytron.security.common.BcryptUtil;
import org.hpcstatus.database.DatabaseReady;

/**
 * Credentials, payload files and direct SQL for tests. The guide's credential SQL runs once at each start of the
 * application under test, right after Flyway has built the (clean) schema.
 */
@ApplicationScoped
public class TestData {

    /** The guide's collector (Python $2b$ hash, admin role). */
    public static final String COLLECTOR = "derecho_collector";
    public static final String COLLECTOR_PASSWORD = "python-collector-pw";
    /** An htpasswd $2y$ hash with the collector role. */
    public static final String CASPER_COLLECTOR = "casper_collector";
    /** Holds the admin role, with OTHER_PASSWORD. */
    public static final String ADMIN = "site_admin";
    public static final String OTHER_PASSWORD = "htpasswd-collector-pw";
    /** Authenticates but holds no permission. */
    public static final String VIEWER = "viewer";
    /** Admin role, but inactive. */
    public static final String RETIRED = "retired_collector";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Snapshots at distinct instants, an hour back and counting up, so tests never collide by accident. */
    private static final AtomicLong SECONDS = new AtomicLong();
    private static final Instant BASE = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    DataSource dataSource;

    void loadCredentials(@Observes DatabaseReady ready) {
        runSql(resource("sql/guide-credentials.sql"));
        runSql(resource("sql/more-credentials.sql"));
    }

    /**
     * Adds an active credential with the collector role (bcrypt cost 10), for a test that needs one nobody else has
     * logged in with (the credential cache is shared, and other tests move the clock).
     */
    public void createCollector(String username, String password) {
        createCredential(username, password, "collector");
    }

    /** Adds an active credential with the admin role (an operator: EDIT_SYSTEM_STATUS), as createCollector. */
    public void createOperator(String username, String password) {
        createCredential(username, password, "admin");
    }

    private void createCredential(String username, String password, String role) {
        runSql("INSERT INTO api_credentials (username, password_hash, description, active) VALUES ('" + username
                + "', '" + BcryptUtil.bcryptHash(password, 10)
                + "', 'Created by a test', TRUE);\n"
                + "INSERT INTO role_api_credentials (role_id, api_credentials_id) SELECT r.role_id,"
                + " ac.api_credentials_id FROM role r, api_credentials ac"
                + " WHERE r.role_name = '" + role + "' AND ac.username = '" + username + "';\n");
    }

    /** Runs each ';'-terminated statement of a script. */
    public void runSql(String script) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                if (!sql.replaceAll("(?m)^\\s*--.*$", "").isBlank()) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A payload file from src/test/resources/payloads, as an editable JSON object. */
    public static ObjectNode payload(String name) {
        try {
            return (ObjectNode) JSON.readTree(resource((name.endsWith("-guide") ? "docs/examples/" : "payloads/") + name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A payload file for posting to {@code system}: its reservations name the system they belong to, as a collector's
     * do, and a post to another system is refused.
     */
    public static ObjectNode payloadFor(String system, String name) {
        ObjectNode payload = payload(name);
        if (payload.has("reservations")) {
            payload.get("reservations").forEach(r -> ((ObjectNode) r).put("system_name", system));
        }
        return payload;
    }

    /** A payload file with a timestamp no other test uses. */
    public static ObjectNode freshPayload(String name) {
        ObjectNode payload = payload(name);
        payload.put("timestamp", nextTimestamp().toString());
        return payload;
    }

    public static Instant nextTimestamp() {
        return BASE.plusSeconds(SECONDS.incrementAndGet());
    }

    public static String resource(String path) {
        try (InputStream in = TestData.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
