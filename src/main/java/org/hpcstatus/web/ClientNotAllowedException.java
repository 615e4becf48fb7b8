package org.hpcstatus.web;

/** A request from a network its credential (or the service) does not accept requests from: a 403 naming it. */
public class ClientNotAllowedException extends RuntimeException {

    public ClientNotAllowedException(String message) {
        super(message, null, false, false);
    }
}
