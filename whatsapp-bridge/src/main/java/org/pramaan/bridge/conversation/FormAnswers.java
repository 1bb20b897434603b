package org.pramaan.bridge.conversation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.bridge.catalog.AnswerValidator;
import org.pramaan.bridge.catalog.Catalog.Service;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;

/**
 * A form's answers as the conversation keeps them (one entry per field, under its key) and as the citizen reads them
 * back. The form's flow, its summary and its submission all read them through here, so the keeping is in one place.
 */
final class FormAnswers {

    private static final String ANSWER = "a.";

    private FormAnswers() {
    }

    static void put(Conversation c, FormField field, String value) {
        c.put(ANSWER + field.key(), value);
    }

    static void remove(Conversation c, FormField field) {
        c.remove(ANSWER + field.key());
    }

    /** The answered fields in the form's order. */
    static Map<String, String> of(Chat chat, Service service) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (FormField f : service.certificate().fields()) {
            String v = chat.conversation().get(ANSWER + f.key());
            if (v != null) {
                answers.put(f.key(), v);
            }
        }
        return answers;
    }

    /** The first field without an answer; the number of fields when all have one. */
    static int firstOpen(Chat chat, Service service) {
        List<FormField> fields = service.certificate().fields();
        int open = 0;
        while (open < fields.size() && chat.conversation().get(ANSWER + fields.get(open).key()) != null) {
            open++;
        }
        return open;
    }

    /** An answer as the citizen reads it back: an Aadhaar number masked, an option's label, a date as DD-MM-YYYY. */
    static String shown(FormField f, String value, Language l) {
        if (f.type() == FieldType.AADHAAR && value.length() == 12) {
            return "XXXX XXXX " + value.substring(8); // never echo an Aadhaar number in full
        }
        if (f.type() == FieldType.ENUM) {
            return AnswerValidator.findOption(f.validation(), value).map(o -> o.labels().in(l)).orElse(value);
        }
        if (f.type() == FieldType.DATE) {
            return CitizenDates.show(value);
        }
        return value;
    }

    /** Why an answer was refused, in the citizen's language. */
    static String reason(Chat chat, AnswerValidator.Result result) {
        return result.reasonArgument() == null ? chat.t(result.reasonKey())
                : chat.t(result.reasonKey(), String.valueOf(result.reasonArgument()));
    }
}
