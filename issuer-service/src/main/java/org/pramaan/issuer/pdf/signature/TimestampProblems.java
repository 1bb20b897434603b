package org.pramaan.issuer.pdf.signature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The timestamp authority did not answer while a certificate was being issued: 503 with a problem, and
 * nothing stored (the issuing transaction rolls back), because it passes when the TSA is back. Before
 * the general handlers, which would call it a conflict or a failure of ours.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TimestampProblems {

    private static final Logger LOG = LoggerFactory.getLogger(TimestampProblems.class);

    @ExceptionHandler(TimestampUnavailableException.class)
    ResponseEntity<ProblemDetail> timestampUnavailable(TimestampUnavailableException e) {
        LOG.warn("certificate not issued: {}", e.getMessage());
        return org.pramaan.issuer.web.KeyProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "timestamp-unavailable",
                "The timestamp authority did not answer; try again shortly",
                "the certificate PDF could not be timestamped, so nothing was issued");
    }
}
