package org.pramaan.service.problem;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A refusal the service means to give: it carries its {@link ProblemCode}, and its message is the problem's
 * {@code detail}, so it must be worded for the caller and hold nothing private. Anything else that escapes a
 * controller is a bug and answers 500 {@code internal-error}. Domain refusals extend this class.
 */
public class RefusalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemCode code;
    private final transient Map<String, Object> properties;
    private final Duration retryAfter;

    public RefusalException(ProblemCode code, String detail) {
        this(code, detail, Map.of(), null, null);
    }

    /**
     * @param properties extension members of the problem (e.g. {@code errors}), beside {@code code}
     * @param retryAfter sent as {@code Retry-After} when not null
     */
    protected RefusalException(ProblemCode code, String detail, Map<String, Object> properties, Duration retryAfter,
                               Throwable cause) {
        super(detail, cause);
        this.code = Objects.requireNonNull(code, "code");
        this.properties = Map.copyOf(new LinkedHashMap<>(properties));
        this.retryAfter = retryAfter;
    }

    public ProblemCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
