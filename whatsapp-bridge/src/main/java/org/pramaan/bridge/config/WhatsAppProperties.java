package org.pramaan.bridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WhatsApp Business number this bridge serves and the Graph API it talks to.
 *
 * @param appSecret         signs every webhook POST (X-Hub-Signature-256)
 * @param verifyToken       echoed by Meta in the GET handshake
 * @param accessToken       bearer token for the Graph API
 * @param phoneNumberId     the sending number's id, part of every Graph API path
 * @param graphBaseUrl      Graph API root; empty means the built-in simulator stands in
 * @param messagesPerSecond the number's throughput tier: its token bucket's rate (Meta's default 80/s, up to 1,000)
 * @param perUserBurst      messages one citizen may receive back to back
 * @param perUserInterval   sustained pacing per citizen once the burst is used
 */
@ConfigurationProperties("pramaan.whatsapp")
public record WhatsAppProperties(String appSecret, String verifyToken, String accessToken, String phoneNumberId,
        String graphBaseUrl, int messagesPerSecond, int perUserBurst, Duration perUserInterval) {

    public WhatsAppProperties {
        if (messagesPerSecond <= 0) {
            messagesPerSecond = 80;
        }
        if (messagesPerSecond > 1000) {
            throw new IllegalArgumentException("WHATSAPP_MESSAGES_PER_SECOND is a number's throughput tier, at most"
                    + " 1000 messages/s (Meta's highest), got " + messagesPerSecond);
        }
        if (perUserBurst <= 0) {
            perUserBurst = 45;
        }
        if (perUserInterval == null || perUserInterval.isNegative()) {
            perUserInterval = Duration.ofSeconds(6);
        }
    }
}
