package org.pramaan.bridge.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supporting documents citizens send in the chat, under {@code pramaan.bridge.documents}.
 *
 * @param maxBytes        {@code BRIDGE_DOCUMENT_MAX_BYTES}: the largest photo or PDF taken (5 MiB: WhatsApp's own limit
 *                        for a photo, well under its 100 MB for a document; the issuer's ISSUER_DOCUMENT_MAX_BYTES
 *                        must not be smaller)
 * @param downloadTimeout {@code BRIDGE_DOCUMENT_DOWNLOAD_TIMEOUT}: one file's whole download from the Graph API
 */
@ConfigurationProperties("pramaan.bridge.documents")
public record DocumentSettings(@DefaultValue("5242880") long maxBytes, @DefaultValue("20s") Duration downloadTimeout) {

    public DocumentSettings {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("BRIDGE_DOCUMENT_MAX_BYTES must be positive, got " + maxBytes);
        }
        if (downloadTimeout == null || downloadTimeout.isNegative() || downloadTimeout.isZero()) {
            throw new IllegalArgumentException("BRIDGE_DOCUMENT_DOWNLOAD_TIMEOUT must be positive");
        }
    }
}
