package org.pramaan.issuer.application;

import java.util.List;
import java.util.Map;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;

/**
 * Submitted values failed the form's checks; nothing was stored. HTTP 422 {@code invalid-fields}, the problem's
 * {@code errors} member listing each field as {@code {"field", "code", "reason"}}, the reason in the applicant's
 * language (the bridge shows it in the chat).
 */
public final class FormRejectedException extends RefusalException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public FormRejectedException(List<FieldProblem> problems) {
        super(ProblemCode.INVALID_FIELDS, "some fields are not valid", Map.of("errors", List.copyOf(problems)), null,
                null);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
