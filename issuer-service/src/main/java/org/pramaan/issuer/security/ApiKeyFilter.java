package org.pramaan.issuer.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.ProblemWriter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * API keys for department systems: {@code X-Api-Key: <client id>.<secret>} (or the same as a
 * bearer token; a bearer JWT is an officer's token, left to the resource server). A wrong key is refused at once
 * rather than falling through to anonymous.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    private final ClientAuthenticator authenticator;

    public ApiKeyFilter(ClientAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = PresentedAccounts.apiKey(request).orElse(null);
        if (key != null) {
            int dot = key.indexOf('.');
            Optional<Caller> caller = dot <= 0 ? Optional.empty()
                    : authenticator.authenticate(key.substring(0, dot), key.substring(dot + 1));
            if (caller.isEmpty()) {
                ProblemWriter.write(response, ProblemCode.UNAUTHENTICATED, "unknown or wrong API key");
                return;
            }
            CallerPrincipal principal = new CallerPrincipal(caller.get(), "");
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        }
        chain.doFilter(request, response);
    }
}
