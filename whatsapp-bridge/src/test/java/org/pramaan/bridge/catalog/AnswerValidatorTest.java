package org.pramaan.bridge.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.pramaan.catalog.FieldRules;
import org.pramaan.catalog.FieldRules.EnumOption;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.Localized;

class AnswerValidatorTest {

    private final AnswerValidator validator = new AnswerValidator(
            Clock.fixed(Instant.parse("2026-11-28T06:00:00Z"), ZoneOffset.UTC));

    private static FormField field(String type, FieldRules validation) {
        return new FormField("xx", FieldType.of(type), true, true, new Localized("L", "L", "L"), "e", validation);
    }

    private static FieldRules rules(Integer minLength, Integer maxLength, Double min, Double max, String pattern,
            boolean notAfterToday) {
        return new FieldRules(minLength, maxLength, min == null ? null : BigDecimal.valueOf(min),
                max == null ? null : BigDecimal.valueOf(max), pattern == null ? null : Pattern.compile(pattern),
                List.of(), notAfterToday);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name|Kondapalli Ramesh|Kondapalli Ramesh|",
            "name|R|reason.minLength|2",
            "name|R2D2|reason.name|",
            "name|-Ramesh|reason.name|",
            "date|1850-01-01|reason.date|",
            "money|-5|reason.number|",
            "money|96,000|96000|",
            "money|₹ 1200|1200|",
            "money|ninety|reason.number|",
            "money|200000000|reason.max|100000000",
            "pin|520001|520001|",
            "pin|020001|reason.pin|",
            "aadhaar|2341 2341 2346|234123412346|",
            "aadhaar|2341 2341 2345|reason.aadhaar.check|",
            "aadhaar|1341 2341 2346|reason.aadhaar.first|",
            "aadhaar|2341 2341 234|reason.aadhaar|",
            "aadhaar|2341 2341 23466|reason.aadhaar|",
            "aadhaar|౨౩౪౧ ౨౩౪౧ ౨౩౪౬|234123412346|",
            "pin|౫౨౨౦౦౧|522001|",
            "pin|५२२००१|522001|",
            "money|९६,०००|96000|",
            "phone|९८७६५ ४३२१०|919876543210|",
            "date|२००१-०८-१५|2001-08-15|",
            "year|౨౦౨౪|2024|",
            "phone|+91 98765 43210|919876543210|",
            "phone|5876543210|reason.phone|",
            "date|2001/08/15|2001-08-15|",
            "date|15-08-2001|2001-08-15|",
            "date|౧౫/౦౮/౨౦౦౧|2001-08-15|",
            "date|5.8.2001|2001-08-05|",
            "date|31-02-2001|reason.date|",
            "date|29-11-2026|reason.future|",
            "date|2026-11-29|reason.future|",
            "year|2024|2024|",
            "year|24|reason.year|",
            "text|   |reason.required|"})
    void checksEachTypeAndGivesTheReason(String type, String answer, String expected, String argument) {
        FieldRules validation = rules(2, 60, 0.0, 100_000_000.0, null, true);
        AnswerValidator.Result result = validator.check(field(type, validation), answer);
        if (expected.startsWith("reason.")) {
            assertThat(result.valid()).isFalse();
            assertThat(result.reasonKey()).isEqualTo(expected);
            if (argument != null) {
                assertThat(String.valueOf(result.reasonArgument())).isEqualTo(argument);
            }
        } else {
            assertThat(result.valid()).as(result.reasonKey()).isTrue();
            assertThat(result.value()).isEqualTo(expected);
        }
    }

    @Test
    void enumAcceptsValueLabelInAnyLanguageOrPosition() {
        FieldRules options = new FieldRules(null, null, null, null, null, List.of(
                new EnumOption("BC-A", new Localized("BC-A", "బీసీ-ఎ", "बीसी-ए")),
                new EnumOption("OC", new Localized("Open", "ఓసీ", "ओसी"))), false);
        FormField f = field("enum", options);
        assertThat(validator.check(f, "bc-a").value()).isEqualTo("BC-A");
        assertThat(validator.check(f, "ఓసీ").value()).isEqualTo("OC");
        assertThat(validator.check(f, "2").value()).isEqualTo("OC");
        assertThat(validator.check(f, "3").reasonKey()).isEqualTo("reason.option");
        assertThat(validator.check(f, "౨").value()).as("a Telugu digit picks by position too").isEqualTo("OC");
    }

    @Test
    void digitsOfOtherScriptsStayAsTypedInText() {
        FieldRules none = rules(null, null, null, null, null, false);
        assertThat(validator.check(field("village", none), "౪-౧౨, రామాలయం వీధి").value()).isEqualTo("౪-౧౨, రామాలయం వీధి");
    }

    @Test
    void patternFromTheCatalogIsApplied() {
        FormField f = field("text", rules(null, null, null, null, "[A-Z]{2}[0-9]{4}", false));
        assertThat(validator.check(f, "AB1234").valid()).isTrue();
        assertThat(validator.check(f, "ab1234").reasonKey()).isEqualTo("reason.pattern");
    }

    /** The review's hostile answers, typed into the chat: refused with a reason, never passed on to the issuer. */
    @Test
    void controlCharactersMarkupAndBidiOverridesAreRefusedInTheChat() {
        FieldRules none = rules(null, null, null, null, null, false);
        assertThat(validator.check(field("text", none), "Pena\u0000maluru").reasonKey()).isEqualTo("reason.control");
        assertThat(validator.check(field("phone", none), "98765\u000043210").reasonKey()).isEqualTo("reason.control");
        assertThat(validator.check(field("village", none), "<script>alert(1)</script>").reasonKey())
                .isEqualTo("reason.characters");
        assertThat(validator.check(field("text", none), "Penamaluru \u202Eurulamaneb").reasonKey())
                .isEqualTo("reason.bidi");
        assertThat(validator.check(field("name", none), "Ra\u2066mesh").reasonKey()).isEqualTo("reason.bidi");
        assertThat(validator.check(field("village", none), "H.No. 4-12/3A, (Near Temple) #2 & Main Rd: పెనమలూరు")
                .valid()).isTrue();
    }
}
