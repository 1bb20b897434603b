package org.pramaan.issuer.seal;

import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;

/**
 * The timestamp authority could not be reached or refused: the certificate is not issued half-signed. A 503
 * problem ({@code UNAVAILABLE}), because it passes when the TSA is back; the issuing transaction rolls back.
 */
public class TimestampUnavailableException extends RefusalException {

    public TimestampUnavailableException(String message, Throwable cause) {
        // The cause through the constructor: RefusalException's sets it (to null too), so initCause would throw.
        super(ProblemCode.UNAVAILABLE, "the certificate PDF could not be timestamped, so nothing was issued; try again"
                + " shortly", java.util.Map.of(), null, cause);
        this.reason = message;
    }

    private final String reason;

    /** What went wrong with the TSA, for the log (the answer's detail stays general). */
    public String reason() {
        return reason;
    }
}
