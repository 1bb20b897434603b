package org.pramaan.bridge.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.catalog.Localized;
import tools.jackson.databind.JsonNode;

/**
 * issuer-service's notification body (architecture.md): {@code deliveryId} is unique per notification and is what
 * the bridge deduplicates on; {@code serviceName} is {@code {"en","te","hi"}}. A revocation names its
 * reason by the ledger's {@code reasonCode} (the officer's note stays with the department), which the
 * bridge words in the citizen's language; a rejection's {@code reason} is the officer's words.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryRequest(String deliveryId, String type, String certificateId, String applicationId,
        String phoneNumber, String language, JsonNode serviceName, String pdfUrl, String verifyUrl, String reason,
        String reasonCode) {

    /** The ledger's certificate revocation codes the bridge has words for; any other reads as OTHER. */
    public static final List<String> REVOCATION_CODES =
            List.of("ISSUED_IN_ERROR", "FRAUD", "SUPERSEDED", "DATA_CORRECTED", "COURT_ORDER", "OTHER");

    /** The ledger's hold codes the bridge has words for; any other reads as UNDER_SCRUTINY. */
    public static final List<String> HOLD_CODES = List.of("UNDER_SCRUTINY", "DOCUMENTS_VERIFICATION");

    /** The hold code to word. */
    public String holdCode() {
        return HOLD_CODES.contains(reasonCode) ? reasonCode : "UNDER_SCRUTINY";
    }

    /** The revocation code to word, OTHER for one this bridge does not know yet. */
    public String revocationCode() {
        return REVOCATION_CODES.contains(reasonCode) ? reasonCode : "OTHER";
    }

    /** The key notifications are deduplicated on. */
    public String key() {
        return deliveryId;
    }

    /** The service's names, or null when {@code serviceName} is not the documented object. */
    public Localized names() {
        if (serviceName == null || !serviceName.isObject()) {
            return null;
        }
        return new Localized(text("en"), text("te"), text("hi"));
    }

    /** Everything wrong with the request, named field by field; empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 100) {
            problems.add("deliveryId is required (at most 100 characters)");
        }
        if (type == null || !List.of("ISSUED", "REVOKED", "REJECTED", "HELD", "DELAYED").contains(type)) {
            problems.add("type must be ISSUED, REVOKED, REJECTED, HELD or DELAYED");
        }
        if (phoneNumber == null || !phoneNumber.matches("[0-9]{8,15}")) {
            problems.add("phoneNumber must be 8 to 15 digits with country code, no +");
        }
        if ("ISSUED".equals(type) && (pdfUrl == null || !pdfUrl.matches("https?://.+"))) {
            problems.add("pdfUrl (http or https) is required for ISSUED");
        }
        if (List.of("ISSUED", "REVOKED", "HELD").contains(type) && (certificateId == null || certificateId.isBlank())) {
            problems.add("certificateId is required for " + type);
        }
        Localized names = names();
        if (names == null || names.en() == null || names.en().isBlank()) {
            problems.add("serviceName is required: {\"en\",\"te\",\"hi\"} (en at least)");
        }
        return problems;
    }

    private String text(String field) {
        JsonNode v = serviceName.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
