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
    private final Refusals refusals;

    public CallerLimit(RateLimits limits, Refusals refusals) {
        this.limits = limits;
        this.refusals = refusals;
    }

    /**
     * Charges for a request of {@code units} (the filter already took one token). Throws
     * {@link OverAllowanceException} when no wait could ever pay for it (more than the bucket holds),
     * {@link TooManyRequestsException} when waiting will.
     */
    public void charge(HttpServletRequest request, long units) {
        ApiKeyHolder holder = currentHolder();
        long allowance = limits.allowance(holder);
        if (units > allowance) {
            refusals.count("over_allowance");
            throw new OverAllowanceException(units, allowance, holder != null);
        }
        if (units <= 1) {
            return;
        }
        ConsumptionProbe probe = limits.take(holder, request.getRemoteAddr(), units - 1);
        if (!probe.isConsumed()) {
            refusals.count("rate_limited");
            throw new TooManyRequestsException(RateLimits.retryAfterSeconds(probe));
        }
    }

    static ApiKeyHolder currentHolder() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ApiKeyAuthentication key ? key.getPrincipal() : null;
    }

    /** The request costs more than the caller's whole allowance: waiting will never help (422). */
    public static final class OverAllowanceException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        OverAllowanceException(long units, long allowance, boolean keyed) {
            super(keyed
                    ? "this API key may verify at most " + allowance + " QR texts a minute and this batch holds " + units
                            + "; send batches of at most " + allowance + ", or ask the verifier's operator for a key with a higher rate"
                    : "without an API key at most " + allowance + " QR texts a minute are verified and this batch holds "
                            + units + "; send batches of at most " + allowance + ", or ask the verifier's operator for an API key"
                            + " (sent in the X-Api-Key header) for larger batches",
                    null, false, false);
        }
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
