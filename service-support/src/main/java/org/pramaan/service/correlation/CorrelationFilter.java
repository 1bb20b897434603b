package org.pramaan.service.correlation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a correlation id before anything else runs (security included, so refusals
 * log with it too): the caller's {@value Correlation#HEADER} when it is well formed, else a new one.
 * The id is echoed in the response so a caller can quote it. A service registers it as a bean; it
 * carries its own order so that it runs first however it is registered.
 */
public class CorrelationFilter extends OncePerRequestFilter implements Ordered {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = Correlation.orNew(request.getHeader(Correlation.HEADER));
        response.setHeader(Correlation.HEADER, id);
        try (Correlation.Scope scope = Correlation.open(id)) {
            chain.doFilter(request, response);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
