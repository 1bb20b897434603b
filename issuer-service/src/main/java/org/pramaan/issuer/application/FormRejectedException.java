package org.pramaan.issuer.application;

import java.util.List;

/** Submitted values failed the form's checks; nothing was stored. */
public final class FormRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public FormRejectedException(List<FieldProblem> problems) {
        super("rejected fields: " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
