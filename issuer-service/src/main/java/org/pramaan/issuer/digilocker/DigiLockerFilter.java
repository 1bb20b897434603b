package org.pramaan.issuer.digilocker;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pramaan.issuer.security.SignInAttempt;
import org.pramaan.issuer.security.SignInThrottle;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.ProblemWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * DigiLocker's door, in this order: the sign-in throttle (a key is a credential: failed checks spend the same
 * budgets as passwords do), the body read whole up to {@code DIGILOCKER_MAX_BODY_BYTES} (413 beyond), the
 * {@code x-digilocker-hmac} checked over exactly those bytes (401), the request read by the hardened parser (400),
 * its {@code orgId} checked (401, the same answer as a wrong signature, so nothing is learned without the key) and
 * the orgId's call budget spent (429). Only then is the caller DigiLocker, and the parsed request handed on.
 */
public class DigiLockerFilter extends OncePerRequestFilter {

    static final String PULL_URI = "/digilocker/pull-uri";
    static final String PULL_DOC = "/digilocker/pull-doc";
    static final String REQUEST = PullRequest.class.getName();
    static final String HMAC_HEADER = "x-digilocker-hmac";
    static final String ROLE = "DIGILOCKER";
    static final String NOT_SIGNED = "x-digilocker-hmac must be the Base64 HMAC-SHA256 of the body under this"
            + " issuer's DigiLocker API key, and orgId this issuer's";
    private static final String THROTTLE_ACCOUNT = "digilocker";
    private static final Logger LOG = LoggerFactory.getLogger(DigiLockerFilter.class);

    private final DigiLockerCredentials credentials;
    private final SignInThrottle throttle;
    private final OrgRateLimits rates;
    private final int maxBodyBytes;
    private final MeterRegistry meters;

    public DigiLockerFilter(DigiLockerCredentials credentials, SignInThrottle throttle, OrgRateLimits rates,
                            int maxBodyBytes, MeterRegistry meters) {
        this.credentials = credentials;
        this.throttle = throttle;
        this.rates = rates;
        this.maxBodyBytes = maxBodyBytes;
        this.meters = meters;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        PullRequest.Kind kind = kind(request);
        if (kind == null) {
            chain.doFilter(request, response); // anything else here is refused by the chain's rules
            return;
        }
        PullRequest.Syntax syntax = syntax(request.getContentType());
        if (syntax == null) {
            refuse(response, "unsupported_media_type", ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "send the request as application/xml (or application/json)", null);
            return;
        }
        // The budget is the caller address's: one account for all callers would let anyone without the key lock
        // DigiLocker itself out with a few bad requests.
        SignInAttempt attempt = new SignInAttempt(THROTTLE_ACCOUNT + "@" + request.getRemoteAddr(),
                request.getRemoteAddr());
        Optional<Duration> wait = throttle.refusal(attempt);
        if (wait.isPresent()) {
            refuse(response, "throttled", ProblemCode.TOO_MANY_SIGN_INS,
                    "too many requests with a wrong signature; retry later", wait.get());
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            refuse(response, "too_large", ProblemCode.TOO_LARGE, tooLarge(), null);
            return;
        }
        byte[] body = new byte[maxBodyBytes + 1];
        int length = readAtMost(request.getInputStream(), body);
        if (length > maxBodyBytes) {
            refuse(response, "too_large", ProblemCode.TOO_LARGE, tooLarge(), null);
            return;
        }
        if (!credentials.signed(body, length, request.getHeader(HMAC_HEADER))) {
            throttle.failed(attempt);
            refuse(response, "not_signed", ProblemCode.INVALID_SIGNATURE, NOT_SIGNED, null);
            return;
        }
        PullRequest pull;
        try {
            pull = PullMessages.read(kind, syntax, body, length);
        } catch (MalformedPullException e) {
            refuse(response, "malformed", ProblemCode.BAD_REQUEST, e.getMessage(), null);
            return;
        }
        if (!credentials.sameOrg(pull.orgId())) {
            throttle.failed(attempt);
            refuse(response, "not_signed", ProblemCode.INVALID_SIGNATURE, NOT_SIGNED, null);
            return;
        }
        throttle.succeeded(attempt);
        Optional<Duration> rateWait = rates.spend(pull.orgId().strip());
        if (rateWait.isPresent()) {
            refuse(response, "rate_limited", ProblemCode.RATE_LIMITED, "more than this orgId's allowance of calls;"
                    + " retry after the time given", rateWait.get());
            return;
        }
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "digilocker:" + pull.orgId().strip(), null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        request.setAttribute(REQUEST, pull);
        chain.doFilter(request, response);
    }

    private String tooLarge() {
        return "a DigiLocker request is at most " + maxBodyBytes + " bytes";
    }

    private void refuse(HttpServletResponse response, String reason, ProblemCode code, String detail,
                        Duration retryAfter) throws IOException {
        meters.counter("pramaan.digilocker.refused", "reason", reason).increment();
        LOG.debug("DigiLocker request refused: {}", reason);
        if (retryAfter == null) {
            ProblemWriter.write(response, code, detail);
        } else {
            ProblemWriter.write(response, code, detail, retryAfter);
        }
    }

    private static PullRequest.Kind kind(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return switch (path) {
            case PULL_URI -> PullRequest.Kind.PULL_URI;
            case PULL_DOC -> PullRequest.Kind.PULL_DOC;
            default -> null;
        };
    }

    static PullRequest.Syntax syntax(String contentType) {
        if (contentType == null) {
            return null;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "application/xml", "text/xml" -> PullRequest.Syntax.XML;
            case "application/json" -> PullRequest.Syntax.JSON;
            default -> null;
        };
    }

    /** Reads until the buffer is full or the body ends: a buffer's worth means the body is longer than allowed. */
    private static int readAtMost(InputStream in, byte[] buffer) throws IOException {
        int total = 0;
        while (total < buffer.length) {
            int n = in.read(buffer, total, buffer.length - total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }
}
