package org.pramaan.issuer.certificate;

import java.time.Duration;
import java.util.Map;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;

/**
 * A certificate approved moments ago whose PDF the rendering worker has not recorded yet: answered 409
 * {@code pdf-pending} with {@code Retry-After}; the certificate itself exists (its credential is signed and queued
 * for the ledger).
 */
public class PdfPendingException extends RefusalException {

    private static final long serialVersionUID = 1L;
    /** Rendering takes tens of milliseconds when the queue is short: a couple of seconds is a fair first wait. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    public PdfPendingException(String certificateId) {
        super(ProblemCode.PDF_PENDING, "the PDF of certificate " + certificateId + " is being prepared; try again shortly",
                Map.of(), RETRY_AFTER, null);
    }
}
