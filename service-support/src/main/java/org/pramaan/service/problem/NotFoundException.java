package org.pramaan.service.problem;

/** The thing asked for does not exist (or the caller may not know that it does): HTTP 404 {@code not-found}. */
public final class NotFoundException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(ProblemCode.NOT_FOUND, message);
    }
}
