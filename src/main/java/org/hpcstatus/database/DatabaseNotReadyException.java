package org.hpcstatus.database;

/** A request arrived before the database was reached for the first time: answered 503, like a lost database. */
public class DatabaseNotReadyException extends RuntimeException {

    public DatabaseNotReadyException() {
        super("The database has not been reached since start", null, false, false);
    }
}
