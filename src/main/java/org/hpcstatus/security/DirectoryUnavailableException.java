package org.hpcstatus.security;

/**
 * The centre's directory could not be asked (refused, timed out, or answered with an error other than a wrong
 * password): a login it should have checked is neither accepted nor counted as a wrong guess, and the caller gets a
 * 503. Carries no cause: its own causes name the realm, which the database's error handling would take for its own.
 */
public class DirectoryUnavailableException extends RuntimeException {

    public DirectoryUnavailableException(String message) {
        super(message);
    }
}
