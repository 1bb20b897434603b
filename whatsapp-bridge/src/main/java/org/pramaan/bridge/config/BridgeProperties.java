package org.pramaan.bridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bridge's own settings.
 *
 * @param token               bearer token issuer-service presents on /internal/v1/deliveries
 * @param conversationTimeout a conversation idle this long is closed politely
 * @param simulatorEnabled    serve the chat simulator and Graph API stand-in at /simulator; null: see
 *                            {@link SimulatorSwitch}
 */
@ConfigurationProperties("pramaan.bridge")
public record BridgeProperties(String token, Duration conversationTimeout, Boolean simulatorEnabled) {

    public BridgeProperties {
        if (conversationTimeout == null || conversationTimeout.isZero() || conversationTimeout.isNegative()) {
            conversationTimeout = Duration.ofMinutes(30);
        }
    }
}
