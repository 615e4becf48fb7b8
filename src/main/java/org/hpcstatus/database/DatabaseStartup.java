package org.hpcstatus.database;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SchemaValidationException;

import io.quarkus.logging.Log;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import org.flywaydb.core.Flyway;
import org.hpcstatus.config.StatusConfig;

/**
 * Brings the database up to date without making the service's start depend on it: the first attempt runs at start;
 * if the database cannot be reached, the service starts anyway (liveness up, readiness down, 503 on what needs the
 * database) and tries again every hpcstatus.database.retry-interval until it succeeds. A schema that does not match
 * the entities is no outage but a broken deployment, and stops the service.
 */
@ApplicationScoped
public class DatabaseStartup {

    @Inject
    Flyway flyway;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Inject
    Event<DatabaseReady> ready;

    @Inject
    StatusConfig config;

    private volatile boolean isReady;
    private volatile String lastFailure;
    private ScheduledExecutorService retries;

    void onStart(@Observes StartupEvent start) {
        if (!attempt()) {
            long interval = config.database().retryInterval().toMillis();
            Log.warnf("Database unreachable at start (%s); the service answers 503 and retries every %d ms",
                    lastFailure, interval);
            retries = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "database-startup");
                thread.setDaemon(true);
                return thread;
            });
            retries.scheduleWithFixedDelay(this::retry, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    /** True once migrations have run and everything that waited for the database has started. */
    public boolean isReady() {
        return isReady;
    }

    private void retry() {
        try {
            if (attempt()) {
                Log.info("Database reached: migrations applied, the service is ready");
                retries.shutdown();
            }
        } catch (RuntimeException broken) {
            Log.error("The database was reached but the service cannot use it; stopping", broken);
            retries.shutdown();
            Quarkus.asyncExit(1);
        }
    }

    private boolean attempt() {
        try {
            flyway.migrate();
            validateSchema();
            ready.fire(new DatabaseReady());
            isReady = true;
            return true;
        } catch (RuntimeException e) {
            if (!DatabaseErrors.isUnavailable(e)) {
                throw e;
            }
            Log.debugf("Database unreachable: %s", e);
            lastFailure = e.toString();
            return false;
        }
    }

    /** What Hibernate's "validate" strategy does at boot, here after the migrations, whenever they could run. */
    private void validateSchema() {
        try {
            entityManagerFactory.getSchemaManager().validate();
        } catch (SchemaValidationException mismatch) {
            throw new IllegalStateException("The database schema does not match the entities: "
                    + mismatch.getMessage(), mismatch);
        }
    }

    @PreDestroy
    void stopRetrying() {
        if (retries != null) {
            retries.shutdownNow();
        }
    }
}
