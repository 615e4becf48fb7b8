package org.hpcstatus.database;

/**
 * The database could not be asked, told by our own code rather than by a driver: before it was reached for the first
 * time since start, or when a look-up came back empty only because the transaction had already failed. Answered 503
 * like every other failure to reach the database.
 */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message) {
        super(message, null, false, false);
    }
}
