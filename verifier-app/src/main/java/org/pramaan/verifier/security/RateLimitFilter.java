package org.pramaan.verifier.security;

import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.ProblemWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One token per request from the caller's bucket: the API key's when one was presented, else the
 * client address's. Refused requests get 429 with {@code Retry-After}: a page in the reader's
 * language for a browser, JSON for an API client. Static files, health and
 * metrics are not counted. Also refuses an upload whose declared length is over the limit before
 * reading a byte of it.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private final RateLimits limits;
    private final long maxUploadBytes;
    private final Refusals refusals;

    RateLimitFilter(RateLimits limits, long maxUploadBytes, Refusals refusals) {
        this.limits = limits;
        this.maxUploadBytes = maxUploadBytes;
        this.refusals = refusals;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/actuator/") || path.startsWith("/vendor/") || path.endsWith(".js")
                || path.endsWith(".css") || path.endsWith(".ico") || path.endsWith(".svg");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Multipart limits refuse while reading; a declared length lets us refuse before reading at all.
        if (request.getContentLengthLong() > maxUploadBytes) {
            refusals.count("body_too_large");
            ProblemWriter.write(response, ProblemCode.TOO_LARGE, "the upload is larger than " + maxUploadBytes + " bytes");
            return;
        }
        ConsumptionProbe probe = limits.take(CallerLimit.currentHolder(), request.getRemoteAddr(), 1);
        if (!probe.isConsumed()) {
            long wait = RateLimits.retryAfterSeconds(probe);
            refusals.count("rate_limited");
            if (isBrowser(request)) {
                // The error page (ErrorPages) says it in the reader's language; the header stays.
                response.setHeader("Retry-After", Long.toString(wait));
                response.sendError(429);
            } else {
                ProblemWriter.write(response, ProblemCode.RATE_LIMITED, "too many requests; retry after " + wait + " s",
                        Duration.ofSeconds(wait));
            }
            return;
        }
        response.setHeader("X-RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
        chain.doFilter(request, response);
    }

    /** A person's browser asks for HTML; API clients (and anything under /api/) keep the JSON answer. */
    static boolean isBrowser(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("text/html") && !request.getRequestURI().startsWith("/api/");
    }
}
