package org.hpcstatus.contract;

/** An If-Match that names no current version of what it asks to change: answered 412, nothing changed. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
