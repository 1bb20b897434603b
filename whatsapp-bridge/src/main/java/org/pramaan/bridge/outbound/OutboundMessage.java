package org.pramaan.bridge.outbound;

/**
 * A message waiting in the outbox.
 *
 * @param kind    text, interactive, document, template, issuer_document (a PDF still to fetch and upload) or read
 * @param payload the Graph API body's type-specific part as JSON (without messaging_product and to)
 */
public record OutboundMessage(String kind, String payload) {

    public boolean isTemplate() {
        return "template".equals(kind);
    }

    /** Read receipts and typing indicators are not messages: no pacing, no window. */
    public boolean isReceipt() {
        return "read".equals(kind);
    }
}
