package org.pramaan.issuer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.ProblemWriter;
import org.pramaan.service.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts every request that presents a secret through {@link SignInThrottle}: refused with 429 and
 * {@code Retry-After} while the account's or the address's budget is spent, otherwise let through to the
 * authentication filters after it, and counted as a failure when it comes back still unauthenticated.
 * Judging by the outcome rather than by each mechanism's failure hook keeps the rule in one place for the
 * form, HTTP Basic and the API key alike.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SignInThrottleFilter.class);

    private final SignInThrottle throttle;
    private final Function<HttpServletRequest, Optional<String>> accountOf;
    private final boolean html;

    /**
     * @param accountOf the account a request presents a secret for, empty when it presents none
     * @param html      answer a person's browser (the console) rather than a program
     */
    public SignInThrottleFilter(SignInThrottle throttle, Function<HttpServletRequest, Optional<String>> accountOf,
                                boolean html) {
        this.throttle = throttle;
        this.accountOf = accountOf;
        this.html = html;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> account = accountOf.apply(request);
        if (account.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        SignInAttempt attempt = new SignInAttempt(account.get(), request.getRemoteAddr());
        Optional<Duration> wait = throttle.refusal(attempt);
        if (wait.isPresent()) {
            LOG.debug("sign-in refused: budget spent (counted in pramaan.sign_in.throttled)");
            refuse(response, wait.get());
            return;
        }
        chain.doFilter(request, response);
        if (authenticated()) {
            throttle.succeeded(attempt);
        } else {
            throttle.failed(attempt);
        }
    }

    private static boolean authenticated() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken);
    }

    private void refuse(HttpServletResponse response, Duration wait) throws IOException {
        long seconds = Problems.retrySeconds(wait);
        if (html) {
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setCharacterEncoding("UTF-8");
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Pramaan</title>"
                    + "</head><body><p>Too many sign-in attempts. Please try again in " + minutes(seconds)
                    + ".</p><p>చాలా ప్రయత్నాలు జరిగాయి. " + minutes(seconds) + " తర్వాత మళ్లీ ప్రయత్నించండి.</p>"
                    + "<p>बहुत अधिक प्रयास हो गए हैं। कृपया " + (seconds + 59) / 60
                    + " मिनट बाद फिर से प्रयास करें।</p>"
                    + "<p><a href=\"/console/login\">Sign in</a></p></body></html>");
        } else {
            ProblemWriter.write(response, ProblemCode.TOO_MANY_SIGN_INS, "too many failed sign-ins; retry after "
                    + seconds + " s", Duration.ofSeconds(seconds));
        }
    }

    private static String minutes(long seconds) {
        long m = (seconds + 59) / 60;
        return m + (m == 1 ? " minute" : " minutes");
    }
}
