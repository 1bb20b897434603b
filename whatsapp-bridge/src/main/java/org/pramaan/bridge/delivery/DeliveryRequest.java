package org.pramaan.bridge.delivery;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import org.pramaan.bridge.catalog.Localized;
import tools.jackson.databind.JsonNode;

/**
 * issuer-service's notification body (interfaces.md). Read tolerantly: {@code serviceName} may be the documented
 * {@code {"en","te","hi"}} object or one string, and a missing {@code deliveryId} falls back to the issuer's own
 * uniqueness (type and certificate or application id), so a notification is still delivered exactly once.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryRequest(String deliveryId, String type, String certificateId, String applicationId,
        String phoneNumber, String language, JsonNode serviceName, String pdfUrl, String verifyUrl, String reason) {

    /** The key notifications are deduplicated on. */
    public String key() {
        if (deliveryId != null && !deliveryId.isBlank()) {
            return deliveryId;
        }
        String subject = certificateId != null && !certificateId.isBlank() ? certificateId : applicationId;
        return subject == null || type == null ? null : type + ":" + subject;
    }

    public Localized names() {
        if (serviceName == null || serviceName.isNull()) {
            return null;
        }
        if (serviceName.isString()) {
            String s = serviceName.asString();
            return new Localized(s, s, s);
        }
        return new Localized(text("en"), text("te"), text("hi"));
    }

    /** Everything wrong with the request, named field by field; empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String key = key();
        if (key == null || key.length() > 120) {
            problems.add("deliveryId is required (at most 100 characters)");
        }
        if (type == null || !List.of("ISSUED", "REVOKED", "REJECTED").contains(type)) {
            problems.add("type must be ISSUED, REVOKED or REJECTED");
        }
        if (phoneNumber == null || !phoneNumber.matches("[0-9]{8,15}")) {
            problems.add("phoneNumber must be 8 to 15 digits with country code, no +");
        }
        if ("ISSUED".equals(type) && (pdfUrl == null || !pdfUrl.matches("https?://.+"))) {
            problems.add("pdfUrl (http or https) is required for ISSUED");
        }
        if (("ISSUED".equals(type) || "REVOKED".equals(type)) && (certificateId == null || certificateId.isBlank())) {
            problems.add("certificateId is required for " + type);
        }
        Localized names = names();
        if (names == null || names.en() == null || names.en().isBlank()) {
            problems.add("serviceName is required: {\"en\",\"te\",\"hi\"} (en at least) or a string");
        }
        return problems;
    }

    private String text(String field) {
        JsonNode v = serviceName.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
