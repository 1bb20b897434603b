package org.pramaan.issuer.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pramaan.credential.Language;
import org.pramaan.catalog.text.InputText;

/**
 * The first gate for text from a client: control characters are refused (422 naming the field) before anything
 * is looked up or stored. NUL in particular reached PostgreSQL, which failed with an error quoting the values.
 */
final class SubmittedText {

    private SubmittedText() {
    }

    static void requireClean(ApplicationService.Submission submission) {
        Language language = submission.language();
        List<FieldProblem> problems = new ArrayList<>();
        check("serviceCode", submission.serviceCode(), language, problems);
        check("phoneNumber", submission.phoneNumber(), language, problems);
        check("channelReference", submission.channelReference(), language, problems);
        for (Map.Entry<String, String> field : submission.fields().entrySet()) {
            if (InputText.hasAnyControlCharacter(field.getKey())) {
                problems.add(Reasons.problem("fields", "CONTROL_CHARACTERS", language));
            } else if (InputText.hasControlCharacters(field.getValue())) {
                problems.add(Reasons.problem(field.getKey(), "CONTROL_CHARACTERS", language));
            }
        }
        if (!problems.isEmpty()) {
            throw new FormRejectedException(problems);
        }
    }

    /** Free text such as a rejection reason or a search: line breaks allowed, other control characters not. */
    static void requireClean(String field, String text, Language language) {
        if (InputText.hasControlCharacters(text)) {
            throw new FormRejectedException(List.of(Reasons.problem(field, "CONTROL_CHARACTERS", language)));
        }
    }

    private static void check(String field, String value, Language language, List<FieldProblem> problems) {
        if (InputText.hasAnyControlCharacter(value)) {
            problems.add(Reasons.problem(field, "CONTROL_CHARACTERS", language));
        }
    }
}
