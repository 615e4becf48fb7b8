package org.hpcstatus.contract;

/** The request body is larger than hpcstatus.ingest.max-body-bytes. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(int limit) {
        super("Request body is larger than " + limit + " bytes", null, false, false);
    }
}
