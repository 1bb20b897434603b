package org.pramaan.issuer.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.Language;
import org.pramaan.catalog.Catalog;
import org.pramaan.issuer.catalog.CatalogLoader;
import org.pramaan.issuer.catalog.CatalogSource;
import org.pramaan.catalog.CertificateForm;

class FormValidatorTest {

    static CertificateForm income;
    static CertificateForm residence;
    final FormValidator validator = new FormValidator();
    final LocalDate today = LocalDate.of(2026, 11, 28);

    @BeforeAll
    static void loadForms() throws IOException {
        Catalog catalog = new CatalogLoader().load(read("departments.json"), List.of(read("services/rev.json")));
        income = catalog.service("REV-INCOME").orElseThrow().certificate();
        residence = catalog.service("REV-RESIDENCE").orElseThrow().certificate();
    }

    Map<String, String> valid() {
        return new HashMap<>(Map.of("nm", "  Kondapalli   Ramesh ", "ai", "96,000", "ah", "2341 2341 2346",
                "pc", "520001", "ct", "OC", "db", "1990-08-15", "mb", "98765 43210"));
    }

    @Test
    void keepsOnlyWhatTheCertificateNeedsNormalised() {
        FormValidator.Result r = validator.validate(income, valid(), Language.EN, today);
        assertThat(r.problems()).isEmpty();
        assertThat(r.holderName()).isEqualTo("Kondapalli Ramesh");
        assertThat(r.stored()).containsEntry("ai", "96000").containsEntry("ah", "XXXX XXXX 2346")
                .containsEntry("pc", "520001").doesNotContainKey("mb");
        assertThat(r.stored().values()).noneMatch(v -> v.contains("23412341"));
    }

    @Test
    void eachFieldTypeHasItsCheck() {
        Map<String, String> input = valid();
        input.put("ai", "-5"); // money is never negative
        input.put("nm", "-Ramesh"); // a name starts with a letter, in the chat and here alike
        input.put("ah", "1234 5678 9012");
        input.put("pc", "52000");
        input.put("db", "2026-02-30");
        input.put("ct", "SC");
        input.put("mb", "5876543210");
        input.put("zz", "extra");
        assertThat(codes(validator.validate(income, input, Language.EN, today))).containsEntry("ai", "NOT_A_NUMBER")
                .containsEntry("nm", "BAD_NAME").containsEntry("ah", "AADHAAR_FIRST_DIGIT").containsEntry("pc", "BAD_PIN").containsEntry("db", "NOT_A_DATE")
                .containsEntry("ct", "NOT_AN_OPTION").containsEntry("mb", "BAD_PHONE").containsEntry("zz", "UNKNOWN_FIELD");
    }

    @Test
    void requiredRangesYearsAndFutureDates() {
        Map<String, String> input = valid();
        input.remove("ai");
        input.put("nm", "R");
        input.put("db", "2026-11-29");
        assertThat(codes(validator.validate(income, input, Language.EN, today))).containsEntry("ai", "REQUIRED")
                .containsEntry("nm", "TOO_SHORT").containsEntry("db", "IN_FUTURE");
        assertThat(codes(validator.validate(residence, Map.of("nm", "Sita", "vi", "Guntur", "yr", "1949"),
                Language.EN, today))).containsEntry("yr", "BELOW_MIN");
        assertThat(codes(validator.validate(residence, Map.of("nm", "Sita", "vi", "Guntur", "yr", "99"),
                Language.EN, today))).containsEntry("yr", "NOT_A_YEAR");
    }

    @Test
    void reasonsAreInTheApplicantsLanguage() {
        Map<String, String> input = valid();
        input.put("pc", "000001");
        FieldProblem te = validator.validate(income, input, Language.TE, today).problems().get(0);
        FieldProblem hi = validator.validate(income, input, Language.HI, today).problems().get(0);
        assertThat(te.reason()).contains("పిన్ కోడ్");
        assertThat(hi.reason()).contains("पिन कोड");
    }

    private static Map<String, String> codes(FormValidator.Result r) {
        Map<String, String> codes = new HashMap<>();
        r.problems().forEach(p -> codes.put(p.field(), p.code()));
        return codes;
    }

    private static CatalogSource read(String name) throws IOException {
        try (var in = FormValidatorTest.class.getResourceAsStream("/test-catalog/" + name)) {
            return new CatalogSource(name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
