package org.hpcstatus.store;

/** A write that the database refused or could not take; the cause says why. Nothing of it was stored. */
public class WriteFailedException extends RuntimeException {

    WriteFailedException(Exception cause) {
        super(cause.getMessage(), cause);
    }
}
