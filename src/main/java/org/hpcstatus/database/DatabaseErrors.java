package org.hpcstatus.database;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.wildfly.security.auth.server.RealmUnavailableException;

/**
 * What a database failure means, told by its exception type, SQL state or vendor error code, never by its message
 * text (which changes with driver versions and languages).
 */
public final class DatabaseErrors {

    /** MariaDB's lock wait timeout and deadlock; H2's lock timeout. Each vendor's codes are its own range. */
    private static final int MARIADB_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MARIADB_DEADLOCK = 1213;
    private static final int H2_LOCK_TIMEOUT = 50200;

    /** The pool and its transaction integration (which enlists a pooled connection in the request's transaction). */
    private static final String AGROAL = "io.agroal.";

    private DatabaseErrors() {
    }

    /**
     * The database could not be reached: connection refused or lost (SQL state class 08), or no connection could be
     * had from the pool in time (all of them in use, or none can be opened), also when the login realm was the one
 * asking.
     */
    public static boolean isUnavailable(Throwable e) {
        return find(e, cause -> cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof JDBCConnectionException
                || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                || isFromThePool(cause)
                // the JDBC security realm's word for a database it could not ask
                || cause instanceof RealmUnavailableException
                || cause instanceof DatabaseUnavailableException)
                .isPresent();
    }

    /**
     * Agroal reports a connection it could not hand out in time, or one it could not enlist in the transaction (a
     * pooled connection the database closed when it died), as a plain SQLException without a state; what tells it
     * apart is where it was thrown: by the pool itself, not by a driver answering for the database.
     */
    private static boolean isFromThePool(Throwable cause) {
        if (!(cause instanceof SQLException sql) || sql.getSQLState() != null || cause.getStackTrace().length == 0) {
            return false;
        }
        return cause.getStackTrace()[0].getClassName().startsWith(AGROAL);
    }

    /**
     * Two transactions met on a lock and the database gave up one of them (deadlock, lock wait timeout): the only
     * failure worth retrying, since the same statements will usually pass a moment later.
     */
    public static boolean isLockConflict(Throwable e) {
        return find(e, cause -> cause instanceof SQLTransactionRollbackException
                || cause instanceof LockAcquisitionException
                || cause instanceof SQLException sql && (sql.getSQLState() != null && sql.getSQLState().startsWith("40")
                        || sql.getErrorCode() == MARIADB_LOCK_WAIT_TIMEOUT || sql.getErrorCode() == MARIADB_DEADLOCK
                        || sql.getErrorCode() == H2_LOCK_TIMEOUT))
                .isPresent();
    }

    /** A unique or other integrity constraint refused the write (SQL state class 23). */
    public static boolean isConstraintViolation(Throwable e) {
        return find(e, cause -> cause instanceof SQLIntegrityConstraintViolationException
                || cause instanceof ConstraintViolationException
                || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"))
                .isPresent();
    }

    /**
     * A look-up by primary key as the database answered it. Hibernate's find answers null instead of throwing when a
     * JDBC failure has already marked the transaction rollback-only (its HHH-12472 workaround), as a connection that
     * cannot be enlisted does when the database dies: that null means "could not ask", not "no such row".
     */
    public static <T> T asAnswered(T found) {
        if (found == null && QuarkusTransaction.isActive() && QuarkusTransaction.isRollbackOnly()) {
            throw new DatabaseUnavailableException("A look-up failed inside a transaction that had already failed");
        }
        return found;
    }

    /**
     * Searches the causes and the suppressed exceptions: a commit that fails on a lost connection is a RollbackException
     * that carries the driver's exception only as suppressed.
     */
    private static Optional<Throwable> find(Throwable e, Predicate<Throwable> test) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (e != null) {
            pending.add(e);
        }
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            if (test.test(next)) {
                return Optional.of(next);
            }
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(List.of(next.getSuppressed()));
        }
        return Optional.empty();
    }
}
