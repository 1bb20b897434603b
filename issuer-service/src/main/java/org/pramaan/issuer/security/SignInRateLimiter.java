package org.pramaan.issuer.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits sign-in attempts per user name and per client address (token buckets), so that passwords
 * cannot be guessed at speed; a throttled attempt is sent back to the sign-in page.
 */
public class SignInRateLimiter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SignInRateLimiter.class);
    private static final int MAX_KEYS = 10_000;

    private final String loginPath;
    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SignInRateLimiter(String loginPath, int perMinute) {
        this.loginPath = loginPath;
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && loginPath.equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = String.valueOf(request.getParameter("username")).toLowerCase(Locale.ROOT);
        boolean allowed = bucket("user:" + user, perMinute).tryConsume(1)
                & bucket("address:" + request.getRemoteAddr(), perMinute * 5).tryConsume(1);
        if (!allowed) {
            LOG.warn("sign-in throttled for a user from {}", request.getRemoteAddr());
            response.sendRedirect(request.getContextPath() + loginPath + "?throttled");
            return;
        }
        chain.doFilter(request, response);
    }

    private Bucket bucket(String key, int capacity) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear(); // bounded memory; an attacker cycling keys gains one fresh minute at most
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, Duration.ofMinutes(1)).build())
                .build());
    }
}
