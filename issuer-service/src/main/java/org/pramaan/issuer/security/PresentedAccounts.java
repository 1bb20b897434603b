package org.pramaan.issuer.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Which account a request presents a secret for, read the way each door reads it. */
final class PresentedAccounts {

    private PresentedAccounts() {
    }

    /** The API: HTTP Basic (user or client id), {@code X-Api-Key} or a bearer key ({@code <client id>.<secret>}). */
    static Optional<String> api(HttpServletRequest request) {
        String key = request.getHeader("X-Api-Key");
        String authorization = request.getHeader("Authorization");
        if (key == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).strip();
        }
        if (key != null) {
            int dot = key.indexOf('.');
            return Optional.of(dot <= 0 ? key : key.substring(0, dot));
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return Optional.of(colon < 0 ? pair : pair.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return Optional.of(""); // undecodable: still an attempt, counted against the address
            }
        }
        return Optional.empty();
    }

    /** The console: a POST of the sign-in form. */
    static Optional<String> consoleForm(HttpServletRequest request, String loginPath) {
        if (!"POST".equals(request.getMethod()) || !loginPath.equals(request.getServletPath())) {
            return Optional.empty();
        }
        String user = request.getParameter("username");
        return Optional.of(user == null ? "" : user);
    }
}
