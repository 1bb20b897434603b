package org.pramaan.catalog.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.pramaan.catalog.FieldRules;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.Localized;
import org.pramaan.catalog.text.CertificateText;

/** What holds for every value of every field type: the guarantees the issuer and the bridge both rely on. */
class FieldValidatorProperties {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final FieldRules RULES = new FieldRules(null, 40, BigDecimal.ZERO, new BigDecimal("100000000"),
            null, List.of(new FieldRules.EnumOption("BC-A", new Localized("BC-A", "బీసీ-ఎ", "बीसी-ए")),
            new FieldRules.EnumOption("OC", new Localized("Open", "ఓసీ", "ओसी"))), true);
    private static final String TELUGU_ZERO = "౦";
    private static final String DEVANAGARI_ZERO = "०";

    private final FieldValidator validator = new FieldValidator();

    private static FormField field(FieldType type) {
        return new FormField("xx", type, true, type != FieldType.AADHAAR, new Localized("L", "L", "L"), null, RULES);
    }

    /** The bridge stores the normalised value and submits it: the issuer must accept it and store it unchanged. */
    @Property(tries = 3000)
    void aNormalisedValueIsAcceptedUnchanged(@ForAll("types") FieldType type, @ForAll("answers") String answer) {
        FieldVerdict first = validator.check(field(type), answer, TODAY);
        if (first.valid() && !first.empty()) {
            FieldVerdict again = validator.check(field(type), first.value(), TODAY);
            assertThat(again.valid()).as("%s %s -> %s refused %s", type, answer, first.value(), again.refusal())
                    .isTrue();
            assertThat(again.value()).isEqualTo(first.value());
        }
    }

    /** Telugu and Devanagari digits are digits: the same answer in any script gets the same verdict. */
    @Property(tries = 2000)
    void digitsOfEveryScriptGetTheSameVerdict(@ForAll("digitTypes") FieldType type, @ForAll("answers") String answer) {
        String ascii = FieldValidator.asciiDigits(answer);
        FieldVerdict expected = validator.check(field(type), ascii, TODAY);
        assertThat(validator.check(field(type), inScript(ascii, TELUGU_ZERO), TODAY)).isEqualTo(expected);
        assertThat(validator.check(field(type), inScript(ascii, DEVANAGARI_ZERO), TODAY)).isEqualTo(expected);
    }

    /** Whatever is accepted for a printed field can be printed and signed, and holds no control character. */
    @Property(tries = 2000)
    void whatIsAcceptedCanBePrinted(@ForAll("printed") FieldType type, @ForAll("answers") String answer) {
        FieldVerdict verdict = validator.check(field(type), answer, TODAY);
        if (verdict.valid()) {
            assertThat(CertificateText.problem(verdict.value())).isNull();
        }
    }

    /** The drift the review found: the bridge took "-Ramesh", the issuer did not. Now no name starts otherwise. */
    @Property(tries = 1000)
    void aNameStartsWithALetter(@ForAll("notALetter") String first, @ForAll("letters") String rest) {
        FieldVerdict verdict = validator.check(field(FieldType.NAME), first + rest, TODAY);
        assertThat(verdict.valid()).as(first + rest).isFalse();
        assertThat(verdict.refusal()).isIn(FieldRefusal.BAD_NAME, FieldRefusal.BAD_CHARACTERS);
    }

    /** Any Aadhaar number UIDAI could issue is accepted however it is spaced; one wrong digit is caught. */
    @Property(tries = 1000)
    void aadhaarNumbersAreCheckedByTheirCheckDigit(@ForAll("aadhaar") String digits,
            @ForAll @IntRange(min = 1, max = 11) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        String spaced = digits.substring(0, 4) + " " + digits.substring(4, 8) + "-" + digits.substring(8);
        assertThat(validator.check(field(FieldType.AADHAAR), inScript(spaced, TELUGU_ZERO), TODAY).value())
                .isEqualTo(digits);
        char changed = (char) ('0' + (digits.charAt(position) - '0' + shift) % 10);
        String typo = digits.substring(0, position) + changed + digits.substring(position + 1);
        assertThat(validator.check(field(FieldType.AADHAAR), typo, TODAY).refusal())
                .isEqualTo(FieldRefusal.AADHAAR_CHECK_DIGIT);
    }

    @Provide
    Arbitrary<FieldType> types() {
        return Arbitraries.of(FieldType.class);
    }

    @Provide
    Arbitrary<FieldType> digitTypes() {
        return Arbitraries.of(FieldType.NUMBER, FieldType.MONEY, FieldType.DATE, FieldType.YEAR, FieldType.PIN,
                FieldType.AADHAAR, FieldType.PHONE);
    }

    @Provide
    Arbitrary<FieldType> printed() {
        return Arbitraries.of(FieldType.TEXT, FieldType.NAME, FieldType.VILLAGE, FieldType.DISTRICT);
    }

    /** Answers people type, right and wrong: numbers, dates, phone and Aadhaar numbers, names, hostile text. */
    @Provide
    Arbitrary<String> answers() {
        Arbitrary<String> shaped = Arbitraries.of("96,000", "₹ 1200", "Rs. 5000", "-5", "12.345", "0.50", "1e3",
                "2001-08-15", "2001/08/15", "1850-01-01", "2026-11-29", "2024", "1899", "520001", "020001", "500 001",
                "2341 2341 2346", "1341 2341 2346", "+91 98765 43210", "919876543210", "09876543210", "BC-A", "bc-a",
                "OC", "Kondapalli Ramesh", "-Ramesh", "R2D2", "కొండపల్లి రమేశ్", "<script>", "Pena\u202Emaluru",
                "Pena\u0000maluru", "  ", "O'Brien-Rao", "H.No. 4-12/3A");
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789 ,.-/+").ofMinLength(1).ofMaxLength(16);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(20);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, shaped), net.jqwik.api.Tuple.of(4, digits),
                net.jqwik.api.Tuple.of(2, anything));
    }

    @Provide
    Arbitrary<String> notALetter() {
        return Arbitraries.of("-", ".", "'", " .", "1", "౧", "#");
    }

    @Provide
    Arbitrary<String> letters() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(20);
    }

    @Provide
    Arbitrary<String> aadhaar() {
        Arbitrary<String> first = Arbitraries.strings().withCharRange('2', '9').ofLength(1);
        Arbitrary<String> middle = Arbitraries.strings().numeric().ofLength(10);
        return Combinators.combine(first, middle).as((a, b) -> a + b).map(d -> d + Verhoeff.checkDigit(d));
    }

    /** The ASCII digits of {@code text} written in the script whose zero is {@code zero}. */
    private static String inScript(String text, String zero) {
        int base = zero.codePointAt(0);
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.appendCodePoint(c >= '0' && c <= '9' ? base + (c - '0') : c));
        return out.toString();
    }
}
