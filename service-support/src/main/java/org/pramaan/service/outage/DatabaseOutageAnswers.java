package org.pramaan.service.outage;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A database outage answered as one: 503 with {@code Retry-After} and a problem body (RFC 9457) as
 * soon as the pool gives up (its connection timeout, about 2 s), instead of a 500 after a 30 s hang.
 * Whatever the request wanted to write was not committed, so a client may safely send it again.
 * Ordered first, so that no service's own mapping turns an outage into a 409 or a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseOutageAnswers {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    static final String DETAIL = "The database cannot be reached right now; nothing was stored. Try again in "
            + RETRY_AFTER.toSeconds() + " seconds.";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageAnswers.class);

    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            CannotCreateTransactionException.class, SQLTransientConnectionException.class})
    public ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        // The message names the pool and the timeout; it carries no request data.
        LOG.warn("database unavailable, answered 503: {}", e.getMessage());
        return Problems.answer(Problems.of(ProblemCode.DATABASE_UNAVAILABLE, DETAIL), RETRY_AFTER);
    }

    /**
     * A commit or rollback that failed because the server went away mid-transaction ("JDBC rollback failed" over a
     * broken socket): nothing was committed, so it is an outage, 503. Any other failure to end a transaction is a
     * bug, logged whole and answered 500 as every other one.
     */
    @ExceptionHandler(TransactionSystemException.class)
    public ResponseEntity<ProblemDetail> transactionNotEnded(TransactionSystemException e) {
        if (DatabaseOutages.isOutage(e)) {
            LOG.warn("database went away during a transaction, answered 503: {}", e.getMessage());
            return Problems.answer(Problems.of(ProblemCode.DATABASE_UNAVAILABLE, DETAIL), RETRY_AFTER);
        }
        LOG.error("a transaction could not be ended", e);
        return Problems.answer(ProblemCode.INTERNAL_ERROR, "the service failed; quote the X-Correlation-Id when"
                + " reporting it");
    }
}
