package org.pramaan.issuer.web;

import java.util.List;
import org.pramaan.issuer.application.FieldProblem;
import org.pramaan.issuer.application.FormRejectedException;
import org.pramaan.issuer.application.IllegalTransitionException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Maps refusals to clear JSON answers: {@code {"error": code, "message": text, "errors": [...]}},
 * where {@code errors} lists the rejected fields of a form that failed its checks (422), each as
 * {@code {"field", "code", "reason"}} with the reason in the applicant's language (interfaces.md).
 */
@RestControllerAdvice(assignableTypes = {ApplicationController.class, CertificateController.class,
        CatalogController.class})
public class ApiErrors {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiErrors.class);

    /** The body of every error answer. */
    public record ErrorBody(String error, String message, List<FieldProblem> errors) {
    }

    @ExceptionHandler(FormRejectedException.class)
    ResponseEntity<ErrorBody> rejected(FormRejectedException e) {
        return answer(HttpStatus.UNPROCESSABLE_CONTENT, "INVALID_FIELDS", "some fields are not valid", e.problems());
    }

    /**
     * No key the ledger lists as usable: {@code application/problem+json} with type
     * {@code signing-key-unavailable}, 503 because it passes when the state IT authority registers a
     * key; nothing was signed or changed.
     */
    @ExceptionHandler(org.pramaan.issuer.certificate.SigningKeyUnavailableException.class)
    ResponseEntity<org.springframework.http.ProblemDetail> signingKeyUnavailable(
            org.pramaan.issuer.certificate.SigningKeyUnavailableException e) {
        return KeyProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "signing-key-unavailable",
                "The department cannot sign certificates now", e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ErrorBody> notFound(NotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, "NOT_FOUND", e.getMessage(), List.of());
    }

    @ExceptionHandler({IllegalTransitionException.class, IllegalStateException.class,
            OptimisticLockingFailureException.class})
    ResponseEntity<ErrorBody> conflict(RuntimeException e) {
        return answer(HttpStatus.CONFLICT, "CONFLICT", e.getMessage(), List.of());
    }

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class})
    ResponseEntity<ErrorBody> badRequest(Exception e) {
        String message = e instanceof HttpMessageNotReadableException ? "the request body is not valid JSON of the"
                + " expected shape" : e.getMessage();
        return answer(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message, List.of());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ErrorBody> forbidden(AccessDeniedException e) {
        return answer(HttpStatus.FORBIDDEN, "FORBIDDEN", e.getMessage(), List.of());
    }

    /**
     * A database refusal: 500 without the driver's message, which can quote the row's values (an applicant's
     * name, a phone number); the log gets the SQL state only.
     */
    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ErrorBody> database(DataAccessException e) {
        String state = e.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "none";
        LOG.error("database refused a request: {} (SQL state {})", e.getClass().getSimpleName(), state);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "the request could not be stored", List.of());
    }

    private static ResponseEntity<ErrorBody> answer(HttpStatus status, String code, String message,
                                                    List<FieldProblem> errors) {
        return ResponseEntity.status(status).body(new ErrorBody(code, message, errors));
    }

}
