package org.pramaan.issuer.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.catalog.CertificateForm;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.validation.FieldValidator;
import org.pramaan.catalog.validation.FieldVerdict;
import org.pramaan.credential.Language;

/**
 * Checks submitted values against a certificate form and keeps only what a certificate needs: the
 * fields printed on it, and an Aadhaar number reduced to its masked form. Each value is checked by the catalog
 * module's {@link FieldValidator}, the same check the bridge runs in the chat. Values are never logged.
 */
public final class FormValidator {

    private final FieldValidator fields = new FieldValidator();

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
            FieldVerdict verdict = fields.check(field, input.get(field.key()), today);
            if (!verdict.valid()) {
                problems.add(Reasons.problem(field.key(), verdict.refusal().name(), language));
                continue;
            }
            if (verdict.empty()) {
                continue;
            }
            String normalised = verdict.value();
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

    /** Only the last four digits remain, as on UIDAI's own masked Aadhaar. */
    static String maskAadhaar(String digits) {
        return "XXXX XXXX " + digits.substring(8);
    }
}
