package org.pramaan.issuer.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id before anything else runs (security included, so refusals
 * log with it too): the caller's {@value Correlation#HEADER} when it is well formed, else a new one.
 * The id is echoed in the response so a caller can quote it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = Correlation.orNew(request.getHeader(Correlation.HEADER));
        response.setHeader(Correlation.HEADER, id);
        try (Correlation.Scope scope = Correlation.open(id)) {
            chain.doFilter(request, response);
        }
    }
}
