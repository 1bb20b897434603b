package org.pramaan.issuer.document;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Supporting documents, under {@code pramaan.documents}.
 *
 * @param maxBytes {@code ISSUER_DOCUMENT_MAX_BYTES}: the largest document accepted (5 MiB, WhatsApp's own limit for a
 *                 photo; the bridge caps what it downloads at its own, not larger, limit)
 */
@ConfigurationProperties("pramaan.documents")
public record DocumentProperties(@DefaultValue("5242880") long maxBytes) {

    public DocumentProperties {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("ISSUER_DOCUMENT_MAX_BYTES must be positive, got " + maxBytes);
        }
    }
}
