package org.hpcstatus.health;

import java.sql.Connection;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.logging.Log;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.hpcstatus.database.DatabaseStartup;

/**
 * Readiness: the database answers. Replaces the datasource's own check, which puts the driver's message (the
 * database's address, its user name) into a response anyone may read; the cause goes to the log instead.
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

    static final String NAME = "database";
    private static final int VALIDATION_SECONDS = 3;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DatabaseStartup startup;

    @Override
    public HealthCheckResponse call() {
        if (!startup.isReady()) {
            return HealthCheckResponse.named(NAME).down().withData("database", "unreachable").build();
        }
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_SECONDS)) {
                return HealthCheckResponse.up(NAME);
            }
            Log.warn("Readiness: the database connection did not validate");
        } catch (SQLException | RuntimeException e) {
            Log.warnf("Readiness: database unreachable: %s", e.toString());
        }
        return HealthCheckResponse.named(NAME).down().withData("database", "unreachable").build();
    }
}
