package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The review's hostile text, sent as the bridge sends a form: NUL in a field or the channel reference (was a
 * PostgreSQL error, a 500 and the applicant's values in the error log), markup and a right-to-left override in
 * text that would be printed and signed on a certificate.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputTest extends IntegrationTest {

    private Answer submit(String service, String language, Map<String, String> fields, String reference) {
        return bridge().post("/api/v1/applications", Map.of("serviceCode", service, "language", language,
                "phoneNumber", "9876543210", "fields", fields, "channelReference", reference));
    }

    private static Map<String, String> income(String key, String value) {
        Map<String, String> fields = new HashMap<>(ApplicationFlowTest.INCOME);
        fields.put(key, value);
        return fields;
    }

    private static void refused(Answer answer, String field) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(422);
        assertThat(answer.json().get("errors").valueStream().map(e -> e.get("field").asString()))
                .contains(field);
    }

    @Test
    void aNulInAFieldIsRefusedWithTheFieldNamedAndNothingLogged(CapturedOutput output) {
        Answer a = submit("REV-INCOME", "en", income("nm", "Kondapalli\u0000Secretname"), "nul-" + UUID.randomUUID());
        refused(a, "nm");
        assertThat(output.getAll()).doesNotContain("Secretname");
    }

    @Test
    void aNulInTheChannelReferenceIsRefused(CapturedOutput output) {
        Answer a = submit("REV-INCOME", "en", ApplicationFlowTest.INCOME, "ref\u0000Hiddenref");
        refused(a, "channelReference");
        assertThat(output.getAll()).doesNotContain("Hiddenref");
    }

    @Test
    void controlCharactersInAnUnprintedFieldAreRefusedToo() {
        refused(submit("REV-INCOME", "en", income("mb", "98765\u000743210"), "bel-" + UUID.randomUUID()), "mb");
    }

    @Test
    void markupOnACertificateIsRefusedWithAReasonInTheCitizensLanguage() {
        Answer a = submit("REV-RESIDENCE", "te", Map.of("nm", "Ramesh", "vi", "<script>alert(1)</script>",
                "yr", "2010"), "markup-" + UUID.randomUUID());
        refused(a, "vi");
        String reason = a.json().get("errors").get(0).get("reason").asString();
        assertThat(reason).matches(".*[\\u0C00-\\u0C7F].*");
    }

    @Test
    void bidiOverridesAreNeverAccepted() {
        refused(submit("REV-RESIDENCE", "en", Map.of("nm", "Ramesh", "vi", "Penamaluru \u202Eurulamaneb",
                "yr", "2010"), "rlo-" + UUID.randomUUID()), "vi");
        refused(submit("REV-RESIDENCE", "en", Map.of("nm", "Ra\u2067mesh", "vi", "Penamaluru", "yr", "2010"),
                "isolate-" + UUID.randomUUID()), "nm");
        refused(submit("REV-RESIDENCE", "en", Map.of("nm", "Ramesh", "vi", "Павлово", "yr", "2010"),
                "cyrillic-" + UUID.randomUUID()), "vi");
    }

    @Test
    void addressesInTheFormsScriptsWithTheirPunctuationAreAccepted() {
        Answer a = submit("REV-RESIDENCE", "te", Map.of("nm", "కొండపల్లి రమేశ్", "vi",
                "4-1/3A, (#2) & Rd: పెనమలూరు, रामपुर.", "yr", "2010"),
                "good-" + UUID.randomUUID());
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        Answer zwnj = submit("REV-RESIDENCE", "te", Map.of("nm", "రమేశ్", "vi", "పిన్\u200Cకోడ్ నగర్", "yr", "2010"),
                "zwnj-" + UUID.randomUUID());
        assertThat(zwnj.status()).as("Telugu needs the zero-width non-joiner").isEqualTo(201);
    }
}
