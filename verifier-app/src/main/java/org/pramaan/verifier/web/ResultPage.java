package org.pramaan.verifier.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.pramaan.credential.Language;
import org.pramaan.verifier.catalog.LabelledField;

/**
 * What the result page shows, already in the reader's language and time zone: the template only
 * lays it out.
 */
public record ResultPage(String status, String headline, String tone, String message, VerifyResponse.CertificateView certificate,
                         String certificateTitle, String departmentName, List<LabelledField> fields,
                         VerifyResponse.LedgerView ledger, Map<String, String> times) {

    /** Message keys of uploads nothing was read from: see {@code upload.*} in the messages. */
    private static final String UPLOAD = "upload.";
    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy").withZone(INDIA);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss 'IST'").withZone(INDIA);

    /**
     * {@code catalogDepartmentName}: the department's name when the ledger gave none (may be null);
     * {@code messageKey}: the verdict's message, which tells an upload nothing could be read from
     * (a photo to take again, not a forgery) from a credential that is not ours.
     */
    static ResultPage of(VerifyResponse response, Language language, String catalogDepartmentName, String messageKey) {
        String department = response.department() == null ? catalogDepartmentName
                : response.department().names().getOrDefault(language.code(), response.department().code());
        List<LabelledField> fields = response.certificate() == null ? List.of() : response.certificate().labelledFields();
        // Without the catalog the type code is all there is; with it, the title the certificate carries.
        String title = response.certificate() == null ? null
                : response.certificate().title() != null ? response.certificate().title() : response.certificate().type();
        Map<String, String> times = new java.util.HashMap<>();
        if (response.certificate() != null) {
            times.put("issuedAt", format(DATE, response.certificate().issuedAt()));
            times.put("expiresAt", format(DATE, response.certificate().expiresAt()));
        }
        if (response.ledger() != null) {
            times.put("anchoredAt", format(TIME, response.ledger().anchoredAt()));
            times.put("revokedAt", format(TIME, response.ledger().revokedAt()));
            times.put("checkedAt", format(TIME, response.ledger().checkedAt()));
        }
        boolean unread = messageKey.startsWith(UPLOAD);
        return new ResultPage(response.status(), unread ? "headline." + messageKey : "headline." + response.status(),
                unread ? "warn" : tone(response.status()), response.message(), response.certificate(),
                title, department, fields, response.ledger(), times);
    }

    /** Colour family of the verdict; always paired with the words, never colour alone. */
    private static String tone(String status) {
        return switch (status) {
            case "VALID" -> "good";
            case "EXPIRED", "NOT_ANCHORED", "UNAVAILABLE", "ON_HOLD", "PENDING" -> "warn";
            default -> "bad";
        };
    }

    private static String format(DateTimeFormatter format, Instant instant) {
        return instant == null ? null : format.format(instant);
    }
}
