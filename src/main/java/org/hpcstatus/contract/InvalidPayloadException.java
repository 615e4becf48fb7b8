package org.hpcstatus.contract;

/** The request body broke a rule of the API contract; the message names the field and is safe to show the client. */
public class InvalidPayloadException extends RuntimeException {

    public InvalidPayloadException(String message) {
        super(message, null, false, false);
    }
}
