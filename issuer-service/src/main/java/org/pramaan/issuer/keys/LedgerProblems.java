package org.pramaan.issuer.keys;

import org.pramaan.ledger.LedgerException;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The ledger's refusals (key commands, revocations, holds) by their code, with the transaction id in the detail so
 * they can be looked up. Asked before the shared {@link org.pramaan.service.problem.ProblemAnswers}, whose catch-all
 * would make them a 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class LedgerProblems {

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<ProblemDetail> ledger(LedgerException e) {
        ProblemCode code = switch (e.code()) {
            case NOT_FOUND -> ProblemCode.LEDGER_NOT_FOUND;
            case CONFLICT -> ProblemCode.LEDGER_CONFLICT;
            case INVALID_ARGUMENT, KEY_NOT_VALID -> ProblemCode.LEDGER_INVALID_ARGUMENT;
            case FORBIDDEN -> ProblemCode.LEDGER_FORBIDDEN;
            case UNAVAILABLE, MVCC_READ_CONFLICT, PHANTOM_READ_CONFLICT -> ProblemCode.LEDGER_UNAVAILABLE;
            default -> ProblemCode.LEDGER_FAILED;
        };
        return Problems.answer(code, e.getMessage());
    }
}
