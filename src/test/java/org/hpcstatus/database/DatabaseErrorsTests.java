package org.hpcstatus.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.junit.jupiter.api.Test;

import org.hibernate.exception.GenericJDBCException;

/** Failures are classified by type, SQL state and vendor code, whatever their message says. */
class DatabaseErrorsTests {

    @Test
    void lostOrRefusedConnectionsAreUnavailability() {
        assertTrue(DatabaseErrors.isUnavailable(new RuntimeException(new SQLTransientConnectionException("refused"))));
        assertTrue(DatabaseErrors.isUnavailable(new PersistenceException(new SQLException("anything", "08000"))));
        assertTrue(DatabaseErrors.isUnavailable(new SQLException("Socket fail to connect", "08S01")));
    }

    /** What a commit on a connection the database dropped throws, as seen when MariaDB was killed under load. */
    @Test
    void aCommitThatLostItsConnectionIsUnavailabilityThoughTheDriverErrorIsOnlySuppressed() {
        var commit = new RollbackException("ARJUNA016053: Could not commit transaction.");
        var xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLNonTransientConnectionException("(conn=7) Socket error"));
        commit.addSuppressed(xa);
        assertTrue(DatabaseErrors.isUnavailable(new RuntimeException("Error invoking subclass method", commit)));
        assertFalse(DatabaseErrors.isUnavailable(new RuntimeException(
                new RollbackException("rolled back by the application"))));
    }

    /**
     * What GET /api/v1/status/outages met when MariaDB was killed under load: the pool handed out a connection the
     * database had closed, and enlisting it in the transaction failed, a plain SQLException thrown by Agroal's
     * transaction integration (src/bench/faults.sh saw it as a 500).
     */
    @Test
    void aPooledConnectionThatCannotBeEnlistedIsUnavailability() {
        SQLException enlist = new SQLException("Failed to enlist. Check if a connection from another datasource is"
                + " already enlisted to the same transaction");
        enlist.setStackTrace(new StackTraceElement[] {new StackTraceElement("io.agroal.narayana.NarayanaTransactionIntegration",
                "associate", "NarayanaTransactionIntegration.java", 147)});
        SQLException association = new SQLException("Exception in association of connection to existing transaction",
                enlist);
        association.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "io.agroal.narayana.NarayanaTransactionIntegration", "associate", "NarayanaTransactionIntegration.java", 156)});
        assertTrue(DatabaseErrors.isUnavailable(new GenericJDBCException(
                "Unable to acquire JDBC Connection", association)));
        // the same words from a driver answering for the database are not the pool's, and decide nothing
        assertFalse(DatabaseErrors.isUnavailable(new SQLException("Failed to enlist")));
    }

    @Test
    void messagesAloneDecideNothing() {
        assertFalse(DatabaseErrors.isUnavailable(new SQLException("Connection refused; deadlock; lock wait timeout")));
        assertFalse(DatabaseErrors.isLockConflict(new SQLException("Deadlock found when trying to get lock")));
    }

    @Test
    void constraintViolationsAndBugsAreNotUnavailability() {
        assertFalse(DatabaseErrors.isUnavailable(new PersistenceException(new SQLException("CHECK failed", "23000"))));
        assertFalse(DatabaseErrors.isUnavailable(new NullPointerException()));
    }

    @Test
    void deadlocksAndLockTimeoutsAreLockConflicts() {
        assertTrue(DatabaseErrors.isLockConflict(new SQLTransactionRollbackException("x")));
        assertTrue(DatabaseErrors.isLockConflict(new RuntimeException(new SQLException("x", "40001"))));
        assertTrue(DatabaseErrors.isLockConflict(new SQLException("x", "HY000", 1205)));
        assertTrue(DatabaseErrors.isLockConflict(new SQLException("x", "HYT00", 50200)));
    }

    @Test
    void otherSqlErrorsAreNotLockConflicts() {
        assertFalse(DatabaseErrors.isLockConflict(new SQLException("check constraint", "23513", 23513)));
        assertFalse(DatabaseErrors.isLockConflict(new SQLException("syntax", "42000", 1064)));
        assertTrue(DatabaseErrors.isConstraintViolation(new SQLException("duplicate", "23000", 1062)));
    }
}
