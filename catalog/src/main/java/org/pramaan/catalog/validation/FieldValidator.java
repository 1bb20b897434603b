package org.pramaan.catalog.validation;

import static org.pramaan.catalog.validation.FieldRefusal.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pramaan.catalog.FieldRules;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.text.CertificateText;
import org.pramaan.catalog.text.InputText;

/**
 * The one check of a form field's value, used by issuer-service (the verdict of its API) and by the bridge (to
 * re-ask the citizen at once): both give the same verdict on every input, because both run this.
 *
 * <p>It accepts what a person types and stores one normal form: Telugu and Devanagari digits ("౫౨౨౦౦౧",
 * "५२२००१") are digits; grouping commas and spaces in numbers, a rupee sign before money, slashes in a date and
 * spaces in a PIN, Aadhaar or phone number are dropped; a mobile number gains its country code (91). Checking a
 * normalised value again accepts it unchanged. Where the two services' old rules differed, the stricter one holds
 * (a name starts with a letter: "-Ramesh" is refused; a date is not before 1900; money is not negative). Values are
 * never logged.
 */
public final class FieldValidator {

    /** Free text that is printed and signed: held to {@link CertificateText} (names, villages, addresses). */
    private static final Set<FieldType> PRINTED_TEXT = EnumSet.of(FieldType.TEXT, FieldType.NAME, FieldType.VILLAGE,
            FieldType.DISTRICT);
    /** Answers made of digits, in which any script's decimal digits count. */
    private static final Set<FieldType> DIGITS = EnumSet.of(FieldType.NUMBER, FieldType.MONEY, FieldType.DATE,
            FieldType.YEAR, FieldType.PIN, FieldType.AADHAAR, FieldType.PHONE);
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*");
    private static final Pattern NUMBER = Pattern.compile("-?[0-9]{1,15}(\\.[0-9]{1,2})?");
    private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,2})?");
    private static final Pattern CURRENCY = Pattern.compile("^(₹|(?i:rs\\.?|inr))\\s*");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern YEAR = Pattern.compile("(19|20)[0-9]{2}");
    private static final Pattern PIN = Pattern.compile("[1-9][0-9]{5}");
    private static final Pattern MOBILE = Pattern.compile("(?:\\+?91)?([6-9][0-9]{9})");
    private static final int FIRST_YEAR = 1900;

    /**
     * Checks {@code answer} for {@code field}.
     *
     * @param today the date in India, for {@code notAfterToday}
     */
    public FieldVerdict check(FormField field, String answer, LocalDate today) {
        if (InputText.hasControlCharacters(answer)) {
            return FieldVerdict.refused(CONTROL_CHARACTERS);
        }
        String value = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
        if (value.isEmpty()) {
            return field.required() ? FieldVerdict.refused(REQUIRED) : FieldVerdict.absent();
        }
        if (field.onCertificate() && PRINTED_TEXT.contains(field.type())) {
            CertificateText.Problem printed = CertificateText.problem(value);
            if (printed != null) {
                return FieldVerdict.refused(switch (printed) {
                    case BIDI_CONTROLS -> BIDI_CONTROLS;
                    case CONTROL_CHARACTERS -> CONTROL_CHARACTERS;
                    case NOT_ALLOWED -> BAD_CHARACTERS;
                });
            }
        }
        if (DIGITS.contains(field.type())) {
            value = asciiDigits(value);
        }
        FieldRules rules = field.validation();
        FieldVerdict typed = switch (field.type()) {
            case NAME -> NAME.matcher(value).matches() ? FieldVerdict.accepted(value) : FieldVerdict.refused(BAD_NAME);
            case TEXT, VILLAGE, DISTRICT -> FieldVerdict.accepted(value);
            case NUMBER -> number(value.replace(",", "").replace(" ", ""), NUMBER, rules);
            case MONEY -> number(CURRENCY.matcher(value).replaceFirst("").replace(",", "").replace(" ", ""), AMOUNT,
                    rules);
            case DATE -> date(value.replace('/', '-'), rules, today);
            case YEAR -> year(value, rules, today);
            case PIN -> PIN.matcher(value.replace(" ", "")).matches() ? FieldVerdict.accepted(value.replace(" ", ""))
                    : FieldVerdict.refused(BAD_PIN);
            case AADHAAR -> aadhaar(value.replaceAll("[ -]", ""));
            case PHONE -> phone(value.replaceAll("[ ()-]", ""));
            case ENUM -> rules.option(value).isPresent() ? FieldVerdict.accepted(value)
                    : FieldVerdict.refused(NOT_AN_OPTION);
        };
        return typed.valid() ? limits(typed.value(), rules) : typed;
    }

    /** Every decimal digit of any script (Unicode Nd: Telugu, Devanagari, ...) as its ASCII digit. */
    public static String asciiDigits(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static FieldVerdict limits(String value, FieldRules rules) {
        if (rules.minLength() != null && value.length() < rules.minLength()) {
            return FieldVerdict.refused(TOO_SHORT, rules.minLength());
        }
        if (rules.maxLength() != null && value.length() > rules.maxLength()) {
            return FieldVerdict.refused(TOO_LONG, rules.maxLength());
        }
        if (rules.pattern() != null && !rules.pattern().matcher(value).matches()) {
            return FieldVerdict.refused(BAD_FORMAT);
        }
        return FieldVerdict.accepted(value);
    }

    private static FieldVerdict number(String text, Pattern shape, FieldRules rules) {
        if (!shape.matcher(text).matches()) {
            return FieldVerdict.refused(NOT_A_NUMBER);
        }
        BigDecimal number = new BigDecimal(text);
        FieldVerdict range = range(number, rules);
        return range != null ? range : FieldVerdict.accepted(number.stripTrailingZeros().toPlainString());
    }

    /** The refusal of a number outside the catalog's range, or null when it is within. */
    private static FieldVerdict range(BigDecimal number, FieldRules rules) {
        if (rules.min() != null && number.compareTo(rules.min()) < 0) {
            return FieldVerdict.refused(BELOW_MIN, rules.min().stripTrailingZeros().toPlainString());
        }
        if (rules.max() != null && number.compareTo(rules.max()) > 0) {
            return FieldVerdict.refused(ABOVE_MAX, rules.max().stripTrailingZeros().toPlainString());
        }
        return null;
    }

    private static FieldVerdict date(String text, FieldRules rules, LocalDate today) {
        if (!ISO_DATE.matcher(text).matches()) {
            return FieldVerdict.refused(NOT_A_DATE);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return FieldVerdict.refused(NOT_A_DATE);
        }
        if (date.getYear() < FIRST_YEAR) {
            return FieldVerdict.refused(NOT_A_DATE);
        }
        if (rules.notAfterToday() && date.isAfter(today)) {
            return FieldVerdict.refused(IN_FUTURE);
        }
        return FieldVerdict.accepted(date.toString());
    }

    private static FieldVerdict year(String text, FieldRules rules, LocalDate today) {
        if (!YEAR.matcher(text).matches()) {
            return FieldVerdict.refused(NOT_A_YEAR);
        }
        if (rules.notAfterToday() && Integer.parseInt(text) > today.getYear()) {
            return FieldVerdict.refused(IN_FUTURE);
        }
        FieldVerdict range = range(new BigDecimal(text), rules);
        return range != null ? range : FieldVerdict.accepted(text);
    }

    private static FieldVerdict aadhaar(String digits) {
        if (!digits.matches("[0-9]{12}")) {
            return FieldVerdict.refused(BAD_AADHAAR);
        }
        if (digits.charAt(0) == '0' || digits.charAt(0) == '1') {
            return FieldVerdict.refused(AADHAAR_FIRST_DIGIT); // UIDAI never issues these
        }
        return Verhoeff.isValid(digits) ? FieldVerdict.accepted(digits) : FieldVerdict.refused(AADHAAR_CHECK_DIGIT);
    }

    private static FieldVerdict phone(String text) {
        Matcher m = MOBILE.matcher(text);
        return m.matches() ? FieldVerdict.accepted("91" + m.group(1)) : FieldVerdict.refused(BAD_PHONE);
    }
}
