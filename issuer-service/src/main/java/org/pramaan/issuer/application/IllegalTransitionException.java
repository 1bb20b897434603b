package org.pramaan.issuer.application;

import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;

/**
 * A status change the application's life does not allow, e.g. approving a rejected application: HTTP 409
 * {@code illegal-transition}.
 */
public final class IllegalTransitionException extends RefusalException {

    private static final long serialVersionUID = 1L;

    public IllegalTransitionException(String message) {
        super(ProblemCode.ILLEGAL_TRANSITION, message);
    }
}
