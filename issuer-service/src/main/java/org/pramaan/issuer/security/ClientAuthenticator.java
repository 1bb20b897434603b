package org.pramaan.issuer.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a machine client's secret against its BCrypt hash. BCrypt is slow on purpose, too slow for
 * every request of a busy bridge, so a successful check is remembered for a few minutes under a
 * SHA-256 of the secret (never the secret itself).
 */
@Component
public class ClientAuthenticator {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 1000;

    private final ApiClients clients;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();

    public ClientAuthenticator(ApiClients clients, PasswordEncoder encoder, Clock clock) {
        this.clients = clients;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** The client's caller when the secret is right; empty for an unknown client or a wrong secret. */
    public Optional<Caller> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.length() > 60 || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiClients.ApiClient> client = clients.find(clientId);
        if (client.isEmpty()) {
            return Optional.empty();
        }
        String key = clientId + ":" + sha256(secret);
        Instant until = verified.get(key);
        Instant now = clock.instant();
        if (until == null || until.isBefore(now)) {
            if (!encoder.matches(secret, client.get().secretHash())) {
                return Optional.empty();
            }
            if (verified.size() > MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(key, now.plus(REMEMBER));
        }
        return Optional.of(client.get().caller());
    }

    /** Whether a user name is a client id (so HTTP Basic for it is checked here, not as an officer). */
    public boolean isClient(String name) {
        return name != null && name.length() <= 60 && clients.find(name).isPresent();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
