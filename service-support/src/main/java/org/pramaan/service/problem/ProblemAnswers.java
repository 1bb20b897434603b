package org.pramaan.service.problem;

import org.pramaan.service.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The error contract for every {@code @RestController} of a service (pages keep their HTML error views): a
 * {@link RefusalException} answers its own code; Spring MVC's refusals (unreadable body, wrong method, missing
 * parameter, too large) answer theirs through {@link ResponseEntityExceptionHandler}, re-typed with our codes; and
 * everything else is a bug: 500 {@code internal-error}, logged at ERROR with the correlation id, its message never
 * sent (it may name a Java type, a row's value, a phone number). There is deliberately no mapping of
 * {@link IllegalStateException} or {@link IllegalArgumentException}: a refusal is thrown as a refusal.
 *
 * <p>Ordered last, so that a service's own advice for its own exceptions (and the outage answers, ordered first)
 * are asked before this one's catch-all.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAnswers extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemAnswers.class);

    @ExceptionHandler(RefusalException.class)
    public ResponseEntity<ProblemDetail> refused(RefusalException e) {
        return Problems.answer(e);
    }

    /** Method security refusing a signed-in caller ({@code @PreAuthorize}, a check in the service). */
    @ExceptionHandler(AccessDeniedException.class)
    public ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        // Our own checks word the message for the caller ("officer X may not act for department MAUD").
        return Problems.answer(ProblemCode.FORBIDDEN, e.getMessage() == null ? "this caller may not do that"
                : e.getMessage());
    }

    /** A controller that finds no signed-in caller ("sign in first"): what the entry point would have said. */
    @ExceptionHandler(AuthenticationException.class)
    public ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        return Problems.answer(ProblemCode.UNAUTHENTICATED, "sign in first");
    }

    /** Two writers changed the same row at once: the loser is told to read again, nothing of its change was kept. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    public ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return Problems.answer(ProblemCode.CONFLICT, "someone changed this at the same time; read it again and retry");
    }

    /**
     * A database refusal (a constraint, a bad statement): a bug, answered 500 without the driver's message, which can
     * quote the row's values; the log gets the SQL state only. Outages are answered 503 before this, first in order.
     */
    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<ProblemDetail> database(DataAccessException e) {
        String state = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "none";
        LOG.error("database refused a request: {} (SQL state {}, correlation {})", e.getClass().getSimpleName(), state,
                Correlation.current().orElse("none"));
        return Problems.answer(ProblemCode.INTERNAL_ERROR, "the request could not be stored; quote the "
                + Correlation.HEADER + " when reporting it");
    }

    /** Everything else is a bug: logged whole, answered without a word of it. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> bug(Exception e) {
        LOG.error("unexpected failure (correlation {})", Correlation.current().orElse("none"), e);
        return Problems.answer(ProblemCode.INTERNAL_ERROR, "the service failed; quote the " + Correlation.HEADER
                + " when reporting it");
    }

    /** Spring MVC's own refusals keep their status and get our type, title and code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ProblemCode code = ex instanceof HttpMessageNotReadableException ? ProblemCode.INVALID_JSON
                : ProblemCode.forStatus(statusCode.value());
        if (code == ProblemCode.INTERNAL_ERROR) {
            LOG.error("unexpected failure (correlation {})", Correlation.current().orElse("none"), ex);
        }
        ProblemDetail problem = Problems.of(code, detail(ex, body, code));
        HttpHeaders answerHeaders = new HttpHeaders();
        if (headers != null) {
            answerHeaders.putAll(headers);
        }
        answerHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(code.status()).headers(answerHeaders).body(problem);
    }

    /** Spring's own detail for a client mistake (it names no Java type); never an internal failure's. */
    private static String detail(Exception ex, Object body, ProblemCode code) {
        if (code == ProblemCode.INTERNAL_ERROR) {
            return "the service failed; quote the " + Correlation.HEADER + " when reporting it";
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "the request body is not valid JSON of the expected shape";
        }
        return body instanceof ProblemDetail framework && framework.getDetail() != null ? framework.getDetail()
                : code.title();
    }
}
