package org.pramaan.verifier.security;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import org.pramaan.verifier.apikey.ApiKeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Charges the current caller for extra work inside a request (a batch of n texts costs n), on top
 * of the one token the filter took.
 */
@Component
public class CallerLimit {

    private final RateLimits limits;

    public CallerLimit(RateLimits limits) {
        this.limits = limits;
    }

    /** Throws {@link TooManyRequestsException} when the caller's bucket cannot pay. */
    public void charge(HttpServletRequest request, long tokens) {
        if (tokens <= 0) {
            return;
        }
        ConsumptionProbe probe = limits.take(currentHolder(), request.getRemoteAddr(), tokens);
        if (!probe.isConsumed()) {
            throw new TooManyRequestsException(RateLimits.retryAfterSeconds(probe));
        }
    }

    static ApiKeyHolder currentHolder() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ApiKeyAuthentication key ? key.getPrincipal() : null;
    }

    /** The caller has spent its allowance; retry after the given seconds. */
    public static final class TooManyRequestsException extends RuntimeException {

        private static final long serialVersionUID = 1L;
        private final long retryAfterSeconds;

        TooManyRequestsException(long retryAfterSeconds) {
            super("too many requests; retry after " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
