package org.pramaan.verifier.web;

/** The request itself is wrong (not the credential in it): 400 with this reason. */
public final class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadRequestException(String message) {
        super(message);
    }
}
