package org.pramaan.issuer.web;

/** The thing asked for does not exist (or the caller may not know that it does): HTTP 404. */
public final class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
