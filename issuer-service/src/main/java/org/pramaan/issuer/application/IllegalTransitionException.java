package org.pramaan.issuer.application;

/** A status change the application's life does not allow, e.g. approving a rejected application. */
public final class IllegalTransitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(message);
    }
}
