package org.pramaan.issuer.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** The catalog data is broken: the service must not start on it. Lists every problem found. */
public final class CatalogException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 50;

    private final transient List<CatalogProblem> problems;

    public CatalogException(List<CatalogProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogProblem> problems() {
        return problems;
    }

    private static String describe(List<CatalogProblem> problems) {
        String shown = problems.stream().limit(SHOWN).map(p -> "  - " + p).collect(Collectors.joining("\n"));
        String more = problems.size() > SHOWN ? "\n  ... and " + (problems.size() - SHOWN) + " more" : "";
        return "the catalog has " + problems.size() + " problem(s):\n" + shown + more;
    }
}
