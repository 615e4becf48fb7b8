package org.hpcstatus.web;

import jakarta.inject.Inject;

import org.hpcstatus.database.DatabaseStartup;
import org.hpcstatus.database.DatabaseUnavailableException;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Until the database has been reached once since start (see DatabaseStartup), every endpoint answers 503 as it
 * would for a lost database: there is no schema to read from yet, nor the configured systems' ids. Health probes
 * and metrics are not endpoints of ours and keep answering.
 */
public class DatabaseGate {

    @Inject
    DatabaseStartup database;

    @ServerRequestFilter(preMatching = true)
    public void refuseUntilTheDatabaseIsReady() {
        if (!database.isReady()) {
            throw new DatabaseUnavailableException("The database has not been reached since start");
        }
    }
}
