package org.pramaan.bridge.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pramaan.bridge.catalog.Catalog.Service;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.outbound.Replies;
import org.pramaan.bridge.outbound.Replies.Button;
import org.pramaan.bridge.outbound.Replies.Row;
import org.pramaan.bridge.outbound.Replies.Section;
import org.pramaan.catalog.FormField;
import org.pramaan.catalog.SupportingDocument;
import org.springframework.stereotype.Component;

/**
 * What the citizen confirms before submitting: every answer and document read back with Submit, Change and Cancel,
 * and the "change an answer" list, whose rows ({@code form:edit:<field>}, {@code form:edit:d<document>}) lead back to
 * {@link FormFlow#changeAnswer}.
 */
@Component
class FormSummary {

    private final DocumentFlow documents;

    FormSummary(DocumentFlow documents) {
        this.documents = documents;
    }

    void show(Chat chat, Service service) {
        Language l = chat.language();
        StringBuilder lines = new StringBuilder();
        Map<String, String> answers = FormAnswers.of(chat, service);
        for (FormField f : service.certificate().fields()) {
            String value = answers.get(f.key());
            if (value != null) {
                lines.append(f.labels().in(l)).append(": ").append(FormAnswers.shown(f, value, l)).append('\n');
            }
        }
        String attached = documents.summary(chat, service);
        if (!attached.isEmpty()) {
            lines.append('\n').append(attached);
        }
        String body = Replies.fit(chat.t("form.summary", service.names().in(l), lines.toString().strip()),
                Replies.INTERACTIVE_BODY_MAX);
        chat.send(Replies.buttons(body, List.of(new Button("form:submit", chat.t("form.submit")),
                new Button("form:edit", chat.t("form.edit")), new Button("form:cancel", chat.t("form.cancel")))));
    }

    /** Every answered field and every document asked for; tapping one asks it again. */
    void chooseAnswerToChange(Chat chat, Service service) {
        Language l = chat.language();
        Map<String, String> answers = FormAnswers.of(chat, service);
        List<FormField> fields = service.certificate().fields();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < fields.size() && rows.size() < Replies.ROWS_MAX; i++) {
            FormField f = fields.get(i);
            String value = answers.get(f.key());
            rows.add(row("form:edit:" + i, f.labels().in(l), value == null ? null : FormAnswers.shown(f, value, l)));
        }
        List<SupportingDocument> asked = DocumentFlow.asked(service);
        for (int i = 0; i < asked.size() && rows.size() < Replies.ROWS_MAX; i++) {
            rows.add(row("form:edit:d" + i, "📎 " + asked.get(i).labels().in(l), DocumentFlow.shown(chat, asked.get(i))));
        }
        chat.send(Replies.list(chat.t("form.edit.body"), chat.t("form.edit.button"), null,
                List.of(new Section(null, rows))));
    }

    /** The title holds 24 characters: a longer label goes whole into the description, before the answer. */
    private static Row row(String id, String label, String answer) {
        String description = answer;
        if (label.length() > Replies.ROW_TITLE_MAX) {
            description = answer == null ? label : label + ": " + answer;
        }
        return new Row(id, Replies.fit(label, Replies.ROW_TITLE_MAX),
                Replies.fit(description, Replies.ROW_DESCRIPTION_MAX));
    }
}
