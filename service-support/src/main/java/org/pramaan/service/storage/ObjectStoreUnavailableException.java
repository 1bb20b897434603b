package org.pramaan.service.storage;

import java.time.Duration;
import java.util.Map;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;

/** The object store cannot be reached or refused a call: nothing was stored; answered 503 with {@code Retry-After}. */
public class ObjectStoreUnavailableException extends RefusalException {

    private static final long serialVersionUID = 1L;
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    public ObjectStoreUnavailableException(String detail, Throwable cause) {
        super(ProblemCode.OBJECT_STORE_UNAVAILABLE, detail, Map.of(), RETRY_AFTER, cause);
    }
}
