package org.pramaan.issuer.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Officers' API tokens for the tests: one {@code POST /api/v1/auth/token} per service port and officer, reused until
 * a minute before it expires. Tests call the API as officers do in production, with a bearer token, and the password
 * (and its BCrypt) is checked once per officer rather than on every call.
 */
final class OfficerTokenCache {

    private record Key(int port, String user, String password) {
    }

    private record Held(String value, Instant renewAt) {
    }

    private static final Map<Key, Held> TOKENS = new ConcurrentHashMap<>();

    private OfficerTokenCache() {
    }

    static String token(int port, String user, String password) {
        Key key = new Key(port, user, password);
        Held held = TOKENS.get(key);
        if (held == null || Instant.now().isAfter(held.renewAt())) {
            held = take(port, user, password);
            TOKENS.put(key, held);
        }
        return held.value();
    }

    private static Held take(int port, String user, String password) {
        ApiClient.Answer answer = ApiClient.basic(port, user, password).post("/api/v1/auth/token", Map.of());
        if (answer.status() != 200) {
            throw new IllegalStateException("no token for " + user + " on port " + port + ": " + answer.status()
                    + " " + answer.body());
        }
        long seconds = answer.json().get("expires_in").asLong();
        return new Held(answer.json().get("access_token").asString(),
                Instant.now().plus(Duration.ofSeconds(Math.max(0, seconds - 60))));
    }
}
