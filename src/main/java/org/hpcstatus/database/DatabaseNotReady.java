package org.hpcstatus.database;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Scheduled work waits for the migrations: {@code skipExecutionIf = DatabaseNotReady.class}. */
@Singleton
public class DatabaseNotReady implements Scheduled.SkipPredicate {

    @Inject
    DatabaseStartup database;

    @Override
    public boolean test(ScheduledExecution execution) {
        return !database.isReady();
    }
}
