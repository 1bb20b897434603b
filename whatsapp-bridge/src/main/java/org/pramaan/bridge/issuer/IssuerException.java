package org.pramaan.bridge.issuer;

/** issuer-service could not be reached or answered something unexpected. */
public class IssuerException extends RuntimeException {

    public IssuerException(String message) {
        super(message);
    }

    public IssuerException(String message, Throwable cause) {
        super(message, cause);
    }
}
