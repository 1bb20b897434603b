package org.pramaan.bridge.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.catalog.FieldRules;
import org.pramaan.catalog.FieldRules.EnumOption;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.validation.FieldRefusal;
import org.pramaan.catalog.validation.FieldValidator;
import org.pramaan.catalog.validation.FieldVerdict;

/**
 * Checks a citizen's answer at once, so the chat re-asks with the reason instead of the citizen learning it after
 * submitting. The check itself is the catalog module's {@link FieldValidator}, the very one issuer-service runs on
 * the submission, so the two cannot disagree; this class only adds what belongs to a chat (an option picked by its
 * label or number, an empty answer always re-asked) and names each refusal's message in the bot's bundles.
 */
public final class AnswerValidator {

    /** The normalised answer to store, or the reason (a bundle key and its argument) to re-ask with. */
    public record Result(String value, String reasonKey, Object reasonArgument) {

        public boolean valid() {
            return reasonKey == null;
        }
    }

    private static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");

    private final FieldValidator fields = new FieldValidator();
    private static final java.util.regex.Pattern DAY_FIRST =
            java.util.regex.Pattern.compile("([0-9]{1,2})\\s*[-/.]\\s*([0-9]{1,2})\\s*[-/.]\\s*([0-9]{4})");

    private final Clock clock;

    public AnswerValidator(Clock clock) {
        this.clock = clock;
    }

    public Result check(FormField field, String answer) {
        String given = answer;
        if (field.type() == FieldType.ENUM && answer != null) {
            given = findOption(field.validation(), answer).map(EnumOption::value).orElse(answer);
        } else if (field.type() == FieldType.DATE && answer != null) {
            given = isoDate(answer);
        }
        FieldVerdict verdict = fields.check(field, given, LocalDate.now(clock.withZone(INDIA)));
        if (verdict.empty()) {
            return new Result(null, "reason.required", null); // a chat answer is never empty on purpose
        }
        return verdict.valid() ? new Result(verdict.value(), null, null)
                : new Result(null, reasonKey(verdict.refusal()), verdict.limit());
    }

    /**
     * A date as the chat asks for it, DD-MM-YYYY (also with slashes or dots, in any script's digits), as the ISO date
     * the catalog's check and the issuer take; anything else unchanged, so a year-first date still works.
     */
    static String isoDate(String answer) {
        StringBuilder ascii = new StringBuilder();
        answer.strip().codePoints().forEach(c -> ascii.append(Character.isDigit(c)
                ? (char) ('0' + Character.digit(c, 10)) : (char) c));
        java.util.regex.Matcher m = DAY_FIRST.matcher(ascii);
        if (!m.matches()) {
            return answer;
        }
        return m.group(3) + "-" + pad(m.group(2)) + "-" + pad(m.group(1));
    }

    private static String pad(String dayOrMonth) {
        return dayOrMonth.length() == 1 ? "0" + dayOrMonth : dayOrMonth;
    }

    /** The option chosen by value, by its label in any language, or by its position (1, 2, 3... in any digits). */
    public static Optional<EnumOption> findOption(FieldRules rules, String answer) {
        String a = answer.strip();
        for (EnumOption o : rules.options()) {
            if (o.value().equalsIgnoreCase(a)) {
                return Optional.of(o);
            }
            for (Language l : Language.values()) {
                if (o.labels() != null && o.labels().in(l).equalsIgnoreCase(a)) {
                    return Optional.of(o);
                }
            }
        }
        String position = FieldValidator.asciiDigits(a);
        if (position.matches("[0-9]{1,2}")) {
            int i = Integer.parseInt(position) - 1;
            if (i >= 0 && i < rules.options().size()) {
                return Optional.of(rules.options().get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The bundle key of the message for a refusal code from issuer-service's answer, when the message needs no
     * limit (a minimum, a length) that the answer does not carry; empty for those and for codes this bridge does
     * not know, which then keep the issuer's own text.
     */
    public static Optional<String> reasonKey(String code) {
        for (FieldRefusal refusal : FieldRefusal.values()) {
            if (refusal.name().equals(code)) {
                return switch (refusal) {
                    case TOO_SHORT, TOO_LONG, BELOW_MIN, ABOVE_MAX -> Optional.empty();
                    default -> Optional.of(reasonKey(refusal));
                };
            }
        }
        return Optional.empty();
    }

    /** The bundle key of a refusal's message (messages/bot_*.properties). */
    static String reasonKey(FieldRefusal refusal) {
        return switch (refusal) {
            case REQUIRED, UNKNOWN_FIELD -> "reason.required";
            case CONTROL_CHARACTERS -> "reason.control";
            case BIDI_CONTROLS -> "reason.bidi";
            case BAD_CHARACTERS -> "reason.characters";
            case BAD_NAME -> "reason.name";
            case NOT_A_NUMBER -> "reason.number";
            case BELOW_MIN -> "reason.min";
            case ABOVE_MAX -> "reason.max";
            case NOT_A_DATE -> "reason.date";
            case IN_FUTURE -> "reason.future";
            case NOT_A_YEAR -> "reason.year";
            case BAD_PIN -> "reason.pin";
            case BAD_AADHAAR -> "reason.aadhaar";
            case AADHAAR_FIRST_DIGIT -> "reason.aadhaar.first";
            case AADHAAR_CHECK_DIGIT -> "reason.aadhaar.check";
            case BAD_PHONE -> "reason.phone";
            case NOT_AN_OPTION -> "reason.option";
            case TOO_SHORT -> "reason.minLength";
            case TOO_LONG -> "reason.maxLength";
            case BAD_FORMAT -> "reason.pattern";
        };
    }
}
