package org.hpcstatus.system;

/** A URL or payload named a system that is not configured. */
public class UnknownSystemException extends RuntimeException {

    public UnknownSystemException(String name) {
        super("Unknown system '" + name + "'", null, false, false);
    }
}
