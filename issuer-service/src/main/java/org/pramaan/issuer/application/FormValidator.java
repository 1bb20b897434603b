package org.pramaan.issuer.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.credential.Language;
import org.pramaan.issuer.catalog.CertificateForm;
import org.pramaan.issuer.catalog.FieldType;
import org.pramaan.issuer.catalog.FieldValidation;
import org.pramaan.issuer.catalog.FormField;
import org.pramaan.service.text.CertificateText;
import org.pramaan.service.text.InputText;

/**
 * Checks submitted values against a certificate form and keeps only what a certificate needs: the
 * fields printed on it, and an Aadhaar number reduced to its masked form. Values are never logged.
 */
public final class FormValidator {

    /** Free text that is printed and signed: held to {@link CertificateText} (names, villages, addresses). */
    private static final Set<FieldType> PRINTED_TEXT = EnumSet.of(FieldType.TEXT, FieldType.NAME, FieldType.VILLAGE,
            FieldType.DISTRICT);

    /** The outcome: problems (empty when valid), and the values to store, normalised, in form order. */
    public record Result(List<FieldProblem> problems, Map<String, String> stored, String holderName) {
        public boolean valid() {
            return problems.isEmpty();
        }
    }

    public Result validate(CertificateForm form, Map<String, String> input, Language language, LocalDate today) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String key : input.keySet()) {
            if (form.field(key).isEmpty()) {
                problems.add(Reasons.problem(key, "UNKNOWN_FIELD", language));
            }
        }
        Map<String, String> stored = new LinkedHashMap<>();
        String holder = null;
        for (FormField field : form.fields()) {
            String raw = input.get(field.key());
            if (InputText.hasControlCharacters(raw)) {
                problems.add(Reasons.problem(field.key(), "CONTROL_CHARACTERS", language));
                continue;
            }
            String value = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
            if (value.isEmpty()) {
                if (field.required()) {
                    problems.add(Reasons.problem(field.key(), "REQUIRED", language));
                }
                continue;
            }
            String code = check(field, value, today);
            if (code != null) {
                problems.add(Reasons.problem(field.key(), code, language));
                continue;
            }
            String normalised = normalise(field.type(), value);
            if (field.key().equals(CertificateForm.HOLDER_NAME)) {
                holder = normalised;
            }
            if (field.type() == FieldType.AADHAAR) {
                stored.put(field.key(), maskAadhaar(normalised));
            } else if (field.onCertificate()) {
                stored.put(field.key(), normalised);
            }
        }
        return new Result(List.copyOf(problems), stored, holder);
    }

    /** The reason code for a bad value, or null when it is good. */
    private String check(FormField field, String value, LocalDate today) {
        FieldValidation v = field.validation();
        if (field.onCertificate() && PRINTED_TEXT.contains(field.type())) {
            CertificateText.Problem printed = CertificateText.problem(value);
            if (printed != null) {
                return switch (printed) {
                    case BIDI_CONTROLS -> "BIDI_CONTROLS";
                    case CONTROL_CHARACTERS -> "CONTROL_CHARACTERS";
                    case NOT_ALLOWED -> "BAD_CHARACTERS";
                };
            }
        }
        String typeProblem = switch (field.type()) {
            case NAME -> value.matches("[\\p{L}\\p{M}][\\p{L}\\p{M} .'-]*") ? null : "BAD_NAME";
            case NUMBER, MONEY -> checkNumber(value, v);
            case DATE -> checkDate(value, v, today);
            case YEAR -> value.matches("(19|20)[0-9]{2}") ? checkRange(new BigDecimal(value), v) : "NOT_A_YEAR";
            case PIN -> value.matches("[1-9][0-9]{5}") ? null : "BAD_PIN";
            case AADHAAR -> checkAadhaar(value);
            case PHONE -> value.replaceAll("[\\s-]", "").matches("(\\+?91)?[6-9][0-9]{9}") ? null : "BAD_PHONE";
            case ENUM -> v.option(value).isPresent() ? null : "NOT_AN_OPTION";
            case TEXT, VILLAGE, DISTRICT -> null;
        };
        if (typeProblem != null) {
            return typeProblem;
        }
        if (v.minLength() != null && value.length() < v.minLength()) {
            return "TOO_SHORT";
        }
        if (v.maxLength() != null && value.length() > v.maxLength()) {
            return "TOO_LONG";
        }
        if (v.pattern() != null && !v.pattern().matcher(value).matches()) {
            return "BAD_FORMAT";
        }
        return null;
    }

    private static String checkNumber(String value, FieldValidation v) {
        String digits = value.replace(",", "");
        if (!digits.matches("-?[0-9]{1,15}(\\.[0-9]{1,2})?")) {
            return "NOT_A_NUMBER";
        }
        return checkRange(new BigDecimal(digits), v);
    }

    private static String checkRange(BigDecimal number, FieldValidation v) {
        if (v.min() != null && number.compareTo(v.min()) < 0) {
            return "BELOW_MIN";
        }
        if (v.max() != null && number.compareTo(v.max()) > 0) {
            return "ABOVE_MAX";
        }
        return null;
    }

    private static String checkDate(String value, FieldValidation v, LocalDate today) {
        if (!value.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return "NOT_A_DATE";
        }
        try {
            LocalDate date = LocalDate.parse(value);
            if (v.notAfterToday() && date.isAfter(today)) {
                return "IN_FUTURE";
            }
            return date.getYear() < 1900 ? "NOT_A_DATE" : null;
        } catch (DateTimeParseException e) {
            return "NOT_A_DATE";
        }
    }

    private static String checkAadhaar(String value) {
        String digits = value.replaceAll("[\\s-]", "");
        // UIDAI never issues numbers starting with 0 or 1.
        return digits.matches("[2-9][0-9]{11}") && Verhoeff.isValid(digits) ? null : "BAD_AADHAAR";
    }

    private static String normalise(FieldType type, String value) {
        return switch (type) {
            case NUMBER, MONEY -> new BigDecimal(value.replace(",", "")).stripTrailingZeros().toPlainString();
            case AADHAAR, PIN -> value.replaceAll("[\\s-]", "");
            case PHONE -> PhoneNumber.parse(value).digits();
            default -> value;
        };
    }

    /** Only the last four digits remain, as on UIDAI's own masked Aadhaar. */
    static String maskAadhaar(String digits) {
        return "XXXX XXXX " + digits.substring(8);
    }
}
