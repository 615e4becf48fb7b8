package org.hpcstatus.contract;

/** The post collides with stored data that differs from it (same system and timestamp, other content): a 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message, null, false, false);
    }
}
