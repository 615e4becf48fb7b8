package org.hpcstatus.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points the application under test at a MariaDB server of its own, created but not started: the test decides when
 * the database appears, dies and comes back. The test finds the server through {@link #server()}.
 */
public class OwnMariaDbResource implements QuarkusTestResourceLifecycleManager {

    private static final String DIR = "own-mariadb.dir";
    private static final String PORT = "own-mariadb.port";

    private OwnMariaDb db;

    @Override
    public Map<String, String> start() {
        db = OwnMariaDb.create();
        // System properties, because the resource and the test class may live in different class loaders.
        System.setProperty(DIR, db.dir().toString());
        System.setProperty(PORT, Integer.toString(db.port()));
        return Map.of("quarkus.datasource.jdbc.url", db.jdbcUrl("hpcstatus"),
                "quarkus.datasource.username", "root",
                "quarkus.datasource.password", "",
                // a database that is not there yet cannot be cleaned; it is new anyway
                "quarkus.flyway.clean-at-start", "false",
                "hpcstatus.database.retry-interval", "500ms",
                "quarkus.datasource.jdbc.acquisition-timeout", "2S");
    }

    /** The server this resource created, as seen from the test. */
    public static OwnMariaDb server() {
        return OwnMariaDb.existing(System.getProperty(DIR), Integer.parseInt(System.getProperty(PORT)));
    }

    @Override
    public void stop() {
        server().close();
    }
}
