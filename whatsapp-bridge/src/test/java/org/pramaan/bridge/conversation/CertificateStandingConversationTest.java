package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The chat tells the ledger's current standing of a citizen's certificates (issue 13, item 1): a revoked one is
 * never listed, tracked or re-sent as if it were good; its reason comes in the citizen's language.
 */
class CertificateStandingConversationTest extends BridgeIntegrationTest {

    private int start(String phone, String language) {
        say(phone, "hi");
        tap(phone, "lang:" + language);
        return awaitMessages(phone, 3).size();
    }

    private static Map<String, String> certificate(String id, String status, String validUntil, String... more) {
        Map<String, String> c = new HashMap<>(Map.of("id", id, "serviceCode", "REV-INCOME", "status", status,
                "issuedAt", "2026-11-01T00:00:00Z", "validUntil", validUntil));
        for (int i = 0; i < more.length; i += 2) {
            c.put(more[i], more[i + 1]);
        }
        return c;
    }

    @Test
    void statusSaysAnIssuedCertificateWasRevokedWithTheReasonInTelugu() {
        String phone = newPhone();
        int seen = start(phone, "te");
        ISSUER.listedApplications.put(phone, List.of(Map.of("id", "app-revoked", "status", "ISSUED",
                "serviceCode", "REV-INCOME", "submittedAt", "2026-10-20T00:00:00Z",
                "certificateId", "REV-INC-2026-0000101")));
        ISSUER.certificates.put(phone, List.of(certificate("REV-INC-2026-0000101", "REVOKED",
                "2027-11-01T00:00:00Z", "revocationCode", "DATA_CORRECTED")));
        say(phone, "స్థితి");
        String status = bodyText(next(phone, seen));
        assertThat(status).contains("REV-INC-2026-0000101", "రద్దు చేయబడింది",
                "దీని వివరాలు సరిదిద్ది కొత్త పత్రం ఇవ్వబడింది").doesNotContain("DATA_CORRECTED");
    }

    @Test
    void aRevokedCertificateIsMarkedInTheListAndNeverResent() {
        String phone = newPhone();
        int seen = start(phone, "hi");
        ISSUER.certificates.put(phone, List.of(
                certificate("REV-INC-2026-0000102", "REVOKED", "2027-11-01T00:00:00Z", "revocationCode", "FRAUD"),
                certificate("REV-INC-2026-0000103", "ANCHORED", "2027-11-01T00:00:00Z")));
        tap(phone, "menu:certs");
        JsonNode list = next(phone, seen++);
        List<String> descriptions = rowDescriptions(list);
        assertThat(descriptions.get(0)).startsWith("⚠ रद्द").contains("REV-INC-2026-0000102");
        assertThat(descriptions.get(1)).doesNotContain("⚠").contains("REV-INC-2026-0000103");

        tap(phone, "cert:REV-INC-2026-0000102");
        assertThat(bodyText(next(phone, seen++))).contains("अब मान्य नहीं है",
                "यह धोखाधड़ी या झूठे दस्तावेज़ों से प्राप्त किया गया था", "नहीं भेज रहा");
        // The next reply is the next answer, not a PDF sent after all.
        tap(phone, "menu:certs");
        assertThat(next(phone, seen).path("type").asString()).isEqualTo("interactive");
        assertThat(ISSUER.pdfDownloads).doesNotContain("/api/v1/certificates/REV-INC-2026-0000102/pdf");
    }

    @Test
    void aReplacedCertificateIsNotResentButItsReplacementIs() {
        String phone = newPhone();
        int seen = start(phone, "en");
        ISSUER.certificates.put(phone, List.of(
                certificate("REV-INC-2026-0000105", "ANCHORED", "2027-11-01T00:00:00Z"),
                certificate("REV-INC-2026-0000104", "REVOKED", "2027-11-01T00:00:00Z",
                        "revocationCode", "SUPERSEDED", "replacedBy", "REV-INC-2026-0000105")));
        tap(phone, "menu:certs");
        assertThat(rowDescriptions(next(phone, seen++)).get(1)).startsWith("⚠ REPLACED");
        tap(phone, "cert:REV-INC-2026-0000104");
        assertThat(bodyText(next(phone, seen++))).contains("no longer valid",
                "replaced by certificate REV-INC-2026-0000105");
        assertThat(bodyText(next(phone, seen++))).contains("REV-INC-2026-0000105");
        JsonNode document = next(phone, seen);
        assertThat(document.path("document").path("filename").asString()).isEqualTo("REV-INC-2026-0000105.pdf");
        assertThat(ISSUER.pdfDownloads).doesNotContain("/api/v1/certificates/REV-INC-2026-0000104/pdf");
    }

    @Test
    void aHeldOrExpiredCertificateIsSentWithAWarning() {
        String phone = newPhone();
        int seen = start(phone, "en");
        ISSUER.certificates.put(phone, List.of(
                certificate("REV-INC-2026-0000106", "ANCHORED", "2027-11-01T00:00:00Z",
                        "holdCode", "UNDER_SCRUTINY"),
                certificate("REV-INC-2026-0000107", "ANCHORED", "2025-01-31T00:00:00Z")));
        tap(phone, "menu:certs");
        List<String> descriptions = rowDescriptions(next(phone, seen++));
        assertThat(descriptions).anyMatch(d -> d.startsWith("⚠ ON HOLD") && d.contains("0000106"))
                .anyMatch(d -> d.startsWith("⚠ EXPIRED") && d.contains("0000107"));

        tap(phone, "cert:REV-INC-2026-0000106");
        seen++; // "Sending certificate ..."
        JsonNode held = next(phone, seen++);
        assertThat(held.path("document").path("filename").asString()).isEqualTo("REV-INC-2026-0000106.pdf");
        assertThat(bodyText(held)).startsWith("Warning: this certificate is on hold: the department is reviewing it");

        tap(phone, "cert:REV-INC-2026-0000107");
        seen++;
        assertThat(bodyText(next(phone, seen))).startsWith("Warning: this certificate is expired on 31-01-2025");
    }

    @Test
    void aCertificateNotYetOnTheLedgerIsSentWithAWarningInTelugu() {
        String phone = newPhone();
        int seen = start(phone, "te");
        ISSUER.certificates.put(phone, List.of(certificate("REV-INC-2026-0000108", "ISSUED", "2027-11-01T00:00:00Z")));
        tap(phone, "menu:certs");
        assertThat(rowDescriptions(next(phone, seen++)).get(0)).startsWith("⚠ నమోదు అవుతోంది");
        tap(phone, "cert:REV-INC-2026-0000108");
        seen++;
        JsonNode document = next(phone, seen);
        assertThat(document.path("document").path("filename").asString()).isEqualTo("REV-INC-2026-0000108.pdf");
        assertThat(bodyText(document)).startsWith("హెచ్చరిక: ఈ పత్రం ఇంకా లెడ్జర్‌లో నమోదు అవుతోంది");
    }

    private static List<String> rowDescriptions(JsonNode list) {
        return list.path("interactive").path("action").path("sections").valueStream()
                .flatMap(s -> s.path("rows").valueStream()).map(r -> r.path("description").asString()).toList();
    }
}
