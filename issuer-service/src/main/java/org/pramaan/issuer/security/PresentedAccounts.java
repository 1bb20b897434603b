package org.pramaan.issuer.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Predicate;

/** Which account a request presents a secret for, read the way each door reads it. */
final class PresentedAccounts {

    private PresentedAccounts() {
    }

    /**
     * The token door: HTTP Basic (user or client id), {@code X-Api-Key} or a bearer key ({@code <client id>.<secret>}).
     * An officer's token (a JWT) names no account here: it is no guess at a secret (a forged one would need the
     * 256-bit signing key), and counting a bad one against the name inside it would let anyone lock that officer out.
     */
    static Optional<String> api(HttpServletRequest request) {
        Optional<String> key = keyAccount(request);
        return key.isPresent() ? key : basicName(request);
    }

    /**
     * The API: as {@link #api}, but HTTP Basic names an account only when it is a machine client's. Any other Basic
     * (an officer's) is refused there without a password check, so it is no guess and spends no budget: an old script
     * still sending an officer's password must not lock that officer out.
     */
    static Optional<String> apiClients(HttpServletRequest request, Predicate<String> isClient) {
        Optional<String> key = keyAccount(request);
        if (key.isPresent()) {
            return key;
        }
        return basicName(request).filter(name -> name.isEmpty() || isClient.test(name));
    }

    private static Optional<String> keyAccount(HttpServletRequest request) {
        return apiKey(request).map(key -> {
            int dot = key.indexOf('.');
            return dot <= 0 ? key : key.substring(0, dot);
        });
    }

    /** The user name of HTTP Basic; "" when the header cannot be decoded (still an attempt, counted against the address). */
    private static Optional<String> basicName(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                        StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return Optional.of(colon < 0 ? pair : pair.substring(0, colon));
            } catch (IllegalArgumentException e) {
                return Optional.of("");
            }
        }
        return Optional.empty();
    }

    /** A department system's key: {@code X-Api-Key}, or a bearer value that is not a JWT. */
    static Optional<String> apiKey(HttpServletRequest request) {
        String key = request.getHeader("X-Api-Key");
        if (key != null) {
            return Optional.of(key);
        }
        String bearer = bearer(request);
        return bearer == null || isJwt(bearer) ? Optional.empty() : Optional.of(bearer);
    }

    /** An officer's token: a bearer value shaped as a JWS (three base64url parts); an API key has one dot. */
    static String jwt(HttpServletRequest request) {
        if (request.getHeader("X-Api-Key") != null) {
            return null;
        }
        String bearer = bearer(request);
        return bearer != null && isJwt(bearer) ? bearer : null;
    }

    private static String bearer(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    private static boolean isJwt(String value) {
        int first = value.indexOf('.');
        return first > 0 && value.indexOf('.', first + 1) > first;
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
