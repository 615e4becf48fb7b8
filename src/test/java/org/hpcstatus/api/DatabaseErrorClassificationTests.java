package org.hpcstatus.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

/** Which failures answer 503 (database unreachable: retry later) rather than 500 (our bug). */
class DatabaseErrorClassificationTests {

    @Test
    void poolTimeoutAndLostConnectionsAreUnavailability() {
        assertTrue(ErrorMappers.databaseUnavailable(new PersistenceException(
                new SQLException("Acquisition timeout while waiting for new connection"))));
        assertTrue(ErrorMappers.databaseUnavailable(new RuntimeException(new SQLTransientConnectionException("refused"))));
        assertTrue(ErrorMappers.databaseUnavailable(new SQLException("Socket fail to connect", "08000")));
    }

    @Test
    void constraintViolationsAndBugsAreNot() {
        assertFalse(ErrorMappers.databaseUnavailable(new PersistenceException(new SQLException("CHECK failed", "23000"))));
        assertFalse(ErrorMappers.databaseUnavailable(new NullPointerException()));
    }
}
