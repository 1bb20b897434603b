package org.pramaan.bridge.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.validator.routines.checkdigit.VerhoeffCheckDigit;
import org.pramaan.bridge.catalog.Catalog.Field;
import org.pramaan.bridge.catalog.Catalog.Option;
import org.pramaan.bridge.catalog.Catalog.Validation;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.service.text.CertificateText;
import org.pramaan.service.text.InputText;

/**
 * Checks one answer against its field's type and the catalog's rules, at once, so the citizen is re-asked with the
 * reason instead of learning about it after submitting. The issuer validates again; this is for the conversation.
 */
public final class FieldValidator {

    /** The normalised answer to store, or the reason (a bundle key and its argument) to re-ask with. */
    public record Result(String value, String reasonKey, Object reasonArgument) {
        static Result ok(String value) {
            return new Result(value, null, null);
        }

        static Result invalid(String key, Object argument) {
            return new Result(null, key, argument);
        }

        static Result invalid(String key) {
            return new Result(null, key, null);
        }

        public boolean valid() {
            return reasonKey == null;
        }
    }

    /** Free text printed and signed on a certificate: the issuer holds it to the same {@link CertificateText}. */
    private static final Set<String> PRINTED_TEXT = Set.of("text", "name", "village", "district");
    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    /** Answers made of digits: Telugu and Devanagari digits ("౫౨౨౦౦౧", "५२२००१") are digits too. */
    private static final Set<String> NUMERIC = Set.of("number", "money", "date", "year", "pin", "aadhaar", "phone",
            "enum");

    private final Clock clock;

    public FieldValidator(Clock clock) {
        this.clock = clock;
    }

    public Result check(Field field, String answer) {
        if (InputText.hasControlCharacters(answer)) {
            return Result.invalid("reason.control");
        }
        String raw = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
        Validation rules = field.rules();
        if (raw.isEmpty()) {
            return Result.invalid("reason.required");
        }
        if (Boolean.TRUE.equals(field.onCertificate()) && PRINTED_TEXT.contains(field.type() == null ? "text"
                : field.type())) {
            CertificateText.Problem printed = CertificateText.problem(raw);
            if (printed != null) {
                return Result.invalid(switch (printed) {
                    case BIDI_CONTROLS -> "reason.bidi";
                    case CONTROL_CHARACTERS -> "reason.control";
                    case NOT_ALLOWED -> "reason.characters";
                });
            }
        }
        if (field.type() != null && NUMERIC.contains(field.type())) {
            raw = asciiDigits(raw);
        }
        Result typed = switch (field.type() == null ? "text" : field.type()) {
            case "number" -> number(digitsOnly(raw), rules, false);
            case "money" -> number(raw.replace(",", "").replace("₹", "").replace("Rs", "").strip(), rules, true);
            case "date" -> date(raw, rules);
            case "year" -> year(raw, rules);
            case "pin" -> raw.replace(" ", "").matches("[1-9][0-9]{5}")
                    ? Result.ok(raw.replace(" ", "")) : Result.invalid("reason.pin");
            case "aadhaar" -> aadhaar(raw.replace(" ", "").replace("-", ""));
            case "phone" -> phone(raw.replace(" ", "").replace("-", ""));
            case "enum" -> option(raw, rules);
            case "name" -> raw.matches("[\\p{L}\\p{M} .'-]+") ? length(raw, rules) : Result.invalid("reason.name");
            default -> length(raw, rules);
        };
        if (typed.valid() && rules.pattern() != null && !rules.pattern().isBlank()) {
            try {
                if (!Pattern.compile(rules.pattern()).matcher(typed.value()).matches()) {
                    return Result.invalid("reason.pattern");
                }
            } catch (PatternSyntaxException e) {
                return typed; // a broken catalog rule must not lock citizens out; the issuer has the final say
            }
        }
        return typed;
    }

    /** The option chosen by value, by its label in any language, or by its position (1, 2, 3...). */
    public static Optional<Option> findOption(Validation rules, String answer) {
        String a = answer.strip();
        for (Option o : rules.options()) {
            if (o.value().equalsIgnoreCase(a)) {
                return Optional.of(o);
            }
            for (Language l : Language.values()) {
                if (o.labels() != null && o.labels().in(l).equalsIgnoreCase(a)) {
                    return Optional.of(o);
                }
            }
        }
        if (a.matches("[0-9]{1,2}")) {
            int i = Integer.parseInt(a) - 1;
            if (i >= 0 && i < rules.options().size()) {
                return Optional.of(rules.options().get(i));
            }
        }
        return Optional.empty();
    }

    private static Result option(String raw, Validation rules) {
        return findOption(rules, raw).map(o -> Result.ok(o.value())).orElse(Result.invalid("reason.option"));
    }

    private static Result length(String raw, Validation rules) {
        if (rules.minLength() != null && raw.length() < rules.minLength()) {
            return Result.invalid("reason.minLength", rules.minLength());
        }
        if (rules.maxLength() != null && raw.length() > rules.maxLength()) {
            return Result.invalid("reason.maxLength", rules.maxLength());
        }
        return Result.ok(raw);
    }

    /** Every decimal digit of any script (Unicode Nd: Telugu, Devanagari, ...) as its ASCII digit. */
    static String asciiDigits(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        raw.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER) {
                out.append((char) ('0' + Character.digit(c, 10)));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String digitsOnly(String raw) {
        return raw.replace(",", "").replace(" ", "");
    }

    private static Result number(String raw, Validation rules, boolean money) {
        if (!raw.matches(money ? "[0-9]+(\\.[0-9]{1,2})?" : "-?[0-9]+(\\.[0-9]+)?")) {
            return Result.invalid("reason.number");
        }
        double value = Double.parseDouble(raw);
        if (rules.min() != null && value < rules.min()) {
            return Result.invalid("reason.min", plain(rules.min()));
        }
        if (rules.max() != null && value > rules.max()) {
            return Result.invalid("reason.max", plain(rules.max()));
        }
        return Result.ok(raw);
    }

    private Result date(String raw, Validation rules) {
        LocalDate date;
        try {
            date = LocalDate.parse(raw.replace('/', '-'));
        } catch (DateTimeParseException e) {
            return Result.invalid("reason.date");
        }
        if (Boolean.TRUE.equals(rules.notAfterToday()) && date.isAfter(LocalDate.now(clock.withZone(INDIA)))) {
            return Result.invalid("reason.future");
        }
        return Result.ok(date.toString());
    }

    private Result year(String raw, Validation rules) {
        if (!raw.matches("(19|20)[0-9]{2}")) {
            return Result.invalid("reason.year");
        }
        int y = Integer.parseInt(raw);
        if (y > Year.now(clock.withZone(INDIA)).getValue() && Boolean.TRUE.equals(rules.notAfterToday())) {
            return Result.invalid("reason.future");
        }
        return number(raw, rules, false);
    }

    private static Result phone(String raw) {
        String digits = raw.startsWith("+91") ? raw.substring(3) : raw;
        return digits.matches("[6-9][0-9]{9}") ? Result.ok(digits) : Result.invalid("reason.phone");
    }

    /** Says what is wrong: the count of digits, the first digit, or (12 typed) the check digit, a typo somewhere. */
    private static Result aadhaar(String digits) {
        if (!digits.matches("[0-9]{12}")) {
            return Result.invalid("reason.aadhaar");
        }
        if (digits.charAt(0) == '0' || digits.charAt(0) == '1') {
            return Result.invalid("reason.aadhaar.first");
        }
        // The last digit is a Verhoeff check digit (UIDAI): it catches any single mistyped or swapped digit.
        return VerhoeffCheckDigit.VERHOEFF_CHECK_DIGIT.isValid(digits) ? Result.ok(digits)
                : Result.invalid("reason.aadhaar.check");
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
