package org.pramaan.verifier.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.ProblemWriter;
import org.pramaan.verifier.apikey.ApiKeyHolder;
import org.pramaan.verifier.apikey.ApiKeys;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code X-Api-Key}. No header: the request goes on anonymously (and is rate-limited
 * per address). A header with an unknown or revoked key is refused outright, rather than silently
 * demoted to anonymous, so a bank learns at once that its key is wrong.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Api-Key";

    private final ApiKeys keys;

    ApiKeyAuthenticationFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented != null) {
            Optional<ApiKeyHolder> holder = keys.authenticate(presented.strip());
            if (holder.isEmpty()) {
                ProblemWriter.write(response, ProblemCode.UNAUTHENTICATED, "unknown or revoked API key");
                return;
            }
            keys.countUse(holder.get());
            SecurityContextHolder.getContext().setAuthentication(new ApiKeyAuthentication(holder.get()));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
