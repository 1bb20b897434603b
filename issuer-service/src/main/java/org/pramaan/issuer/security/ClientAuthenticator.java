package org.pramaan.issuer.security;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a machine client's secret: its SHA-256 against the stored one (microseconds, constant time). A row made
 * before SHA-256 lookups still holds a BCrypt hash; the first right secret presented for it is checked with
 * BCrypt once and the row is upgraded, so from then on that client costs no BCrypt either. Every check still
 * goes through the sign-in throttle in front of the API.
 */
@Component
public class ClientAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthenticator.class);

    private final ApiClients clients;
    private final PasswordEncoder encoder;

    public ClientAuthenticator(ApiClients clients, PasswordEncoder encoder) {
        this.clients = clients;
        this.encoder = encoder;
    }

    /** The client's caller when the secret is right; empty for an unknown client or a wrong secret. */
    public Optional<Caller> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.length() > 60 || secret.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiClients.ApiClient> found = clients.find(clientId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiClients.ApiClient client = found.get();
        if (client.secretSha256() != null) {
            return ApiKeyHash.matches(secret, client.secretSha256()) ? Optional.of(client.caller()) : Optional.empty();
        }
        if (client.legacyBcrypt() == null || !encoder.matches(secret, client.legacyBcrypt())) {
            return Optional.empty();
        }
        if (clients.upgrade(clientId, client.legacyBcrypt(), ApiKeyHash.of(secret))) {
            LOG.info("client {}: secret now checked by its SHA-256 (BCrypt hash dropped)", clientId);
        }
        return Optional.of(client.caller());
    }

    /** Whether a user name is a client id (so HTTP Basic for it is checked here, not as an officer). */
    public boolean isClient(String name) {
        return name != null && name.length() <= 60 && clients.find(name).isPresent();
    }
}
