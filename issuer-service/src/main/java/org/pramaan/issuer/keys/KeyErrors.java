package org.pramaan.issuer.keys;

import org.pramaan.issuer.web.KeyProblems;
import org.pramaan.issuer.web.NotFoundException;
import org.pramaan.ledger.LedgerException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The key commands' refusals as {@code application/problem+json}, one type per kind; nothing was changed. */
@RestControllerAdvice(assignableTypes = KeyController.class)
public class KeyErrors {

    @ExceptionHandler({IllegalArgumentException.class, HttpMessageNotReadableException.class})
    ResponseEntity<ProblemDetail> invalid(Exception e) {
        String detail = e instanceof HttpMessageNotReadableException
                ? "the request body is not JSON of the shape {\"reason\": CODE, \"from\": INSTANT}" : e.getMessage();
        return KeyProblems.problem(HttpStatus.BAD_REQUEST, "invalid-argument", "The request is not valid", detail);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return KeyProblems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return KeyProblems.problem(HttpStatus.FORBIDDEN, "forbidden", "Only the administrator manages keys",
                e.getMessage());
    }

    @ExceptionHandler(org.pramaan.issuer.certificate.SigningKeyUnavailableException.class)
    ResponseEntity<ProblemDetail> noKey(org.pramaan.issuer.certificate.SigningKeyUnavailableException e) {
        return KeyProblems.problem(HttpStatus.SERVICE_UNAVAILABLE, "signing-key-unavailable",
                "The department cannot sign certificates now", e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ProblemDetail> conflict(IllegalStateException e) {
        return KeyProblems.problem(HttpStatus.CONFLICT, "conflict", "Not possible now", e.getMessage());
    }

    /** The ledger's refusal, by its code; the transaction id goes with it so it can be looked up. */
    @ExceptionHandler(LedgerException.class)
    ResponseEntity<ProblemDetail> ledger(LedgerException e) {
        HttpStatus status = switch (e.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case INVALID_ARGUMENT, KEY_NOT_VALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case UNAVAILABLE, MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_GATEWAY;
        };
        return KeyProblems.problem(status, "ledger-" + e.code().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                "The ledger refused or could not be reached", e.getMessage());
    }
}
