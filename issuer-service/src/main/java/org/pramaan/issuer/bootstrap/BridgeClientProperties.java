package org.pramaan.issuer.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The WhatsApp bridge's sign-in as the run script shares it ({@code ISSUER_BRIDGE_CLIENT_ID},
 * {@code ISSUER_BRIDGE_CLIENT_SECRET}): {@code ./pramaan up} makes the secret before either service
 * starts and hands the same value to both, so the development bootstrap must use it as given.
 *
 * @param id     the bridge's client id
 * @param secret its secret; blank: the development bootstrap makes one and writes it to dev.env
 */
@ConfigurationProperties("pramaan.bridge-client")
public record BridgeClientProperties(@DefaultValue("whatsapp-bridge") String id, @DefaultValue("") String secret) {

    public BridgeClientProperties {
        id = id == null || id.isBlank() ? "whatsapp-bridge" : id.strip();
        if (id.length() > 60) {
            throw new IllegalArgumentException("ISSUER_BRIDGE_CLIENT_ID is longer than 60 characters");
        }
        secret = secret == null ? "" : secret;
        // Stored as a SHA-256, which is safe only for a random key: the run script makes 32 letters and digits.
        if (!secret.isBlank() && secret.length() < 24) {
            throw new IllegalArgumentException("ISSUER_BRIDGE_CLIENT_SECRET must be a random key of at least 24"
                    + " characters");
        }
    }

    public boolean secretGiven() {
        return !secret.isBlank();
    }
}
