package org.pramaan.service.problem;

import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds the contract's problem answers with Spring's own {@link ProblemDetail}. */
public final class Problems {

    /** The extension member that repeats the code. */
    public static final String CODE = "code";

    private Problems() {
    }

    /** A problem of {@code code} saying {@code detail}: type, title, status and the code member set. */
    public static ProblemDetail of(ProblemCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(code.status()), detail);
        problem.setType(code.type());
        problem.setTitle(code.title());
        problem.setProperty(CODE, code.code());
        return problem;
    }

    /** The answer for {@code code}: status, {@code application/problem+json}, the problem body. */
    public static ResponseEntity<ProblemDetail> answer(ProblemCode code, String detail) {
        return answer(of(code, detail), null);
    }

    /** The answer for a refusal: its code, message as detail, extension members and Retry-After. */
    public static ResponseEntity<ProblemDetail> answer(RefusalException refusal) {
        ProblemDetail problem = of(refusal.code(), refusal.getMessage());
        refusal.properties().forEach(problem::setProperty);
        return answer(problem, refusal.retryAfter().orElse(null));
    }

    /** {@code problem} as an answer, with {@code Retry-After} when {@code retryAfter} is not null. */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem, Duration retryAfter) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (retryAfter != null) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(retrySeconds(retryAfter)));
        }
        return builder.body(problem);
    }

    /** Whole seconds, at least one, rounded up: a client that waits that long finds the budget back. */
    public static long retrySeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** {@code problem} with extension members added; for the rare answer that needs more than the code. */
    public static ProblemDetail with(ProblemDetail problem, Map<String, Object> properties) {
        properties.forEach(problem::setProperty);
        return problem;
    }
}
