package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.Language;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.VerificationStatus;
import org.pramaan.verifier.catalog.CatalogLabels;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.pramaan.verifier.verification.Verdict;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The page and the API label a certificate's fields from the issuer's catalog (served over HTTP by
 * a loopback stub of issuer-service), in the reader's language, and fall back to the keys.
 */
class LabelledAnswersTest extends VerifierIntegrationTest {

    private static final Map<String, String> INCOME = Map.of("yr", "2025-26", "pu", "loan", "ai", "96000",
            "fn", "Venkata Rao");

    @Autowired
    private CatalogLabels labels;
    @Autowired
    private VerdictViews views;

    @BeforeEach
    void catalogRead() {
        // The verifier reads the catalog in the background right after it starts.
        await().atMost(Duration.ofSeconds(20)).until(() -> labels.catalog().isPresent());
    }

    @Test
    void theResultPageShowsTitleAndLabelledFieldsInFormOrderInTeluguEnglishAndHindi() throws Exception {
        SignedCredential credential = revenue().issue(revenue().claims("Kondapalli Ramesh", "INC", INCOME));
        String path = "/C/" + credential.payload();

        String telugu = page(path, "te-IN,te;q=0.9");
        assertThat(telugu).contains("data-status=\"VALID\"", "ఆదాయ ధృవీకరణ పత్రం", "Revenue Department (తెలుగు)");
        assertInOrder(telugu, "తండ్రి / భర్త పేరు", "Venkata Rao", "కుటుంబ వార్షిక ఆదాయం (₹)", "96000", "ఉద్దేశం",
                "బ్యాంకు రుణం", "data-key=\"yr\"", "2025-26");

        String english = page(path + "?lang=en", "te");
        assertThat(english).contains("<dd id=\"certificate-title\">Income Certificate</dd>");
        assertInOrder(english, "Father&#39;s / husband&#39;s name", "Annual family income (₹)", "Purpose", "Bank loan");
        assertThat(english).doesNotContain(">ai<", ">pu<", ">loan<");

        String hindi = page(path + "?lang=hi", "en");
        assertThat(hindi).contains("आय प्रमाण पत्र", "परिवार की वार्षिक आय (₹)", "उद्देश्य", "बैंक ऋण");
    }

    @Test
    void theApiAddsTheTitleAndLabelledFieldsAndKeepsTheContractsFieldsMap() throws Exception {
        SignedCredential credential = revenue().issue(revenue().claims("Api Labels", "INC", INCOME));
        String body = JSON.writeValueAsString(Map.of("qr", revenue().url(credential)));

        JsonNode hindi = JSON.readTree(postJson("/api/v1/verify", body, "hi").body()).path("certificate");
        assertThat(hindi.path("title").asString()).isEqualTo("आय प्रमाण पत्र");
        assertThat(hindi.path("fields").path("pu").asString()).as("the fixed contract: key -> value").isEqualTo("loan");
        assertThat(hindi.path("fields").path("ai").asString()).isEqualTo("96000");
        assertThat(triples(hindi.path("labelledFields"))).containsExactly(
                List.of("fn", "पिता / पति का नाम", "Venkata Rao"),
                List.of("ai", "परिवार की वार्षिक आय (₹)", "96000"),
                List.of("pu", "उद्देश्य", "बैंक ऋण"),
                List.of("yr", "yr", "2025-26"));

        JsonNode english = JSON.readTree(postJson("/api/v1/verify", body, "en").body()).path("certificate");
        assertThat(english.path("title").asString()).isEqualTo("Income Certificate");
        assertThat(triples(english.path("labelledFields")).get(2)).containsExactly("pu", "Purpose", "Bank loan");

        JsonNode batch = JSON.readTree(postJson("/api/v1/verify/batch",
                JSON.writeValueAsString(Map.of("qrs", List.of(revenue().url(credential)))), "te").body());
        assertThat(batch.path("results").path(0).path("certificate").path("labelledFields").path(1).path("label").asString())
                .isEqualTo("కుటుంబ వార్షిక ఆదాయం (₹)");
    }

    @Test
    void aCertificateTypeTheCatalogDoesNotKnowIsShownByItsKeys() throws Exception {
        SignedCredential credential = revenue().issue(revenue().claims("Unknown Type", "XYZ", Map.of("ai", "5", "zz", "z")));

        JsonNode certificate = verify(credential).path("certificate");
        assertThat(certificate.path("title").isNull()).isTrue();
        assertThat(triples(certificate.path("labelledFields")))
                .containsExactly(List.of("ai", "ai", "5"), List.of("zz", "zz", "z"));

        String page = page("/C/" + credential.payload() + "?lang=en", "en");
        assertThat(page).contains("data-status=\"VALID\"", "<dd id=\"certificate-title\">XYZ</dd>",
                "<dt data-key=\"ai\">ai</dt>");
    }

    @Test
    void whileTheIssuerIsDownTheLastGoodCatalogStillLabelsTheAnswers() throws Exception {
        SignedCredential credential = revenue().issue(revenue().claims("Issuer Down", "INC", INCOME));
        ISSUER_CATALOG.failWith(503);
        try {
            assertThat(labels.refresh().get(10, TimeUnit.SECONDS)).isEqualTo(CatalogLabels.Outcome.FAILED);

            JsonNode answer = verify(credential);
            assertThat(answer.path("status").asString()).isEqualTo("VALID");
            assertThat(answer.path("certificate").path("title").asString()).isEqualTo("Income Certificate");
            assertThat(answer.path("certificate").path("labelledFields").path(1).path("label").asString())
                    .isEqualTo("Annual family income (₹)");
        } finally {
            ISSUER_CATALOG.failWith(0);
        }
        assertThat(labels.refresh().get(10, TimeUnit.SECONDS)).isEqualTo(CatalogLabels.Outcome.NOT_MODIFIED);
    }

    @Test
    void theCatalogNamesTheDepartmentOnlyWhenTheLedgerCannotAndTheSignerIsTrusted() {
        CertificateClaims claims = revenue().claims("Ledger Unreachable", "INC", INCOME);
        Verdict unconfirmed = new Verdict(VerificationStatus.UNAVAILABLE, "status.UNAVAILABLE", "ledger down",
                Optional.of(claims), Optional.empty(), Optional.empty());
        Verdict unknownSigner = new Verdict(VerificationStatus.UNKNOWN_ISSUER, "status.UNKNOWN_ISSUER", "rogue key",
                Optional.of(claims), Optional.empty(), Optional.empty());

        assertThat(views.page(unconfirmed, Language.TE).departmentName())
                .isEqualTo("రెవెన్యూ (భూ పరిపాలన, రిజిస్ట్రేషన్లు, స్టాంపులు)");
        assertThat(views.page(unknownSigner, Language.TE).departmentName()).isNull();
        assertThat(views.page(unknownSigner, Language.TE).certificateTitle()).isEqualTo("ఆదాయ ధృవీకరణ పత్రం");
    }

    private String page(String path, String language) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language)
                .header("X-Api-Key", clientKey()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void assertInOrder(String page, String... texts) {
        int from = 0;
        for (String text : texts) {
            int at = page.indexOf(text, from);
            assertThat(at).as("\"%s\" after position %d", text, from).isGreaterThanOrEqualTo(0);
            from = at + text.length();
        }
    }

    private static List<List<String>> triples(JsonNode labelledFields) {
        List<List<String>> triples = new ArrayList<>();
        for (JsonNode field : labelledFields) {
            triples.add(List.of(field.path("key").asString(), field.path("label").asString(), field.path("value").asString()));
        }
        return triples;
    }
}
