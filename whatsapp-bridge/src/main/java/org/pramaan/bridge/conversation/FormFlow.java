package org.pramaan.bridge.conversation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.bridge.catalog.AnswerValidator;
import org.pramaan.bridge.catalog.Catalog.Service;
import org.pramaan.bridge.issuer.CatalogClient;
import org.pramaan.bridge.catalog.FormExamples;
import org.pramaan.bridge.citizen.ApplicationOwners;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.issuer.IssuerClient;
import org.pramaan.bridge.issuer.IssuerException;
import org.pramaan.bridge.outbound.Replies;
import org.pramaan.bridge.outbound.Replies.Button;
import org.pramaan.bridge.outbound.Replies.Row;
import org.pramaan.bridge.outbound.Replies.Section;
import org.pramaan.catalog.FieldRules.EnumOption;
import org.pramaan.catalog.FieldType;
import org.pramaan.catalog.FormField;
import org.pramaan.service.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An application form in the chat: one field at a time with its label and an example, each answer checked at once,
 * "back" and "cancel" at any point, a summary to confirm, then the submission to issuer-service.
 */
@Component
public class FormFlow {

    private static final Logger log = LoggerFactory.getLogger(FormFlow.class);
    private static final String SERVICE = "service";
    private static final String INDEX = "field";
    private static final String ANSWER = "a.";
    private static final String FROM_FLOW = "flow";
    /** Set while one answer is being changed from the summary: a valid answer goes back to the summary. */
    private static final String EDITING = "editing";

    private final CatalogClient catalogs;
    private final IssuerClient issuer;
    private final AnswerValidator validator;
    private final ApplicationOwners owners;
    private final FormExamples examples;
    private final DocumentFlow documents;

    public FormFlow(CatalogClient catalogs, IssuerClient issuer, Clock clock, ApplicationOwners owners,
            FormExamples examples, DocumentFlow documents) {
        this.documents = documents;
        this.catalogs = catalogs;
        this.examples = examples;
        this.owners = owners;
        this.issuer = issuer;
        this.validator = new AnswerValidator(clock);
    }

    public void begin(Chat chat, String serviceCode) {
        Service service = catalogs.catalog().service(serviceCode).filter(Service::canApply).orElse(null);
        if (service == null) {
            chat.say("service.unavailable");
            return;
        }
        start(chat.conversation(), serviceCode);
        documents.clear(chat); // files of an earlier, unfinished form are not this one's
        ask(chat, service, 0);
    }

    private static void start(Conversation c, String serviceCode) {
        c.reset(Step.FORM);
        c.put(SERVICE, serviceCode);
        // One id per application, from its first question to the certificate's delivery.
        String correlation = Correlation.newId();
        c.put(Conversation.CORRELATION_ID, correlation);
        Correlation.switchTo(correlation);
        log.info("Form for {} started", serviceCode);
    }

    /** A typed answer or a chosen option for the current field. */
    public void answer(Chat chat, String answer) {
        Service service = service(chat);
        if (service == null) {
            return;
        }
        if (DocumentFlow.awaiting(chat)) {
            if (documents.text(chat, service, answer)) {
                afterDocument(chat, service);
            }
            return;
        }
        int index = index(chat);
        FormField field = service.certificate().fields().get(index);
        AnswerValidator.Result result = validator.check(field, answer);
        if (!result.valid()) {
            chat.say("form.invalid", reason(chat, result));
            ask(chat, service, index);
            return;
        }
        chat.conversation().put(ANSWER + field.key(), result.value());
        if (chat.conversation().get(EDITING) != null) {
            backToSummary(chat, service);
            return;
        }
        // After a Flow filled most of the form, only the fields it left open are asked.
        next(chat, service, chat.conversation().get(FROM_FLOW) != null ? firstOpen(chat, service) : index + 1);
    }

    /** True while the form waits for a supporting document (a photo or a PDF) rather than a typed answer. */
    public boolean awaitingDocument(Chat chat) {
        return DocumentFlow.awaiting(chat);
    }

    /** A photo, file or other media sent while a document is asked for. */
    public void document(Chat chat, InboundMessage message) {
        Service service = service(chat);
        if (service == null) {
            return;
        }
        if (documents.received(chat, service, message)) {
            afterDocument(chat, service);
        }
    }

    /** The Skip button of an optional document. */
    public void skipDocument(Chat chat) {
        Service service = service(chat);
        if (service == null) {
            return;
        }
        if (!DocumentFlow.awaiting(chat)) {
            repeat(chat);
            return;
        }
        if (documents.skip(chat, service)) {
            afterDocument(chat, service);
        }
    }

    /** After a document was received or skipped: the summary when changing one, else the next open one. */
    private void afterDocument(Chat chat, Service service) {
        if (chat.conversation().get(EDITING) != null) {
            backToSummary(chat, service);
            return;
        }
        next(chat, service, service.certificate().fields().size());
    }

    /**
     * A Flow's answers for a whole form: each is checked like a typed one; what is valid is kept, what is not is
     * listed with its reason, and the chat goes on with the first field still missing, or to the summary.
     */
    public void flowAnswers(Chat chat, FlowAnswer flow) {
        Conversation c = chat.conversation();
        boolean sameForm = (c.step() == Step.FORM || c.step() == Step.CONFIRM)
                && flow.serviceCode().equals(c.get(SERVICE));
        if (!sameForm) {
            if (catalogs.catalog().service(flow.serviceCode()).filter(Service::canApply).isEmpty()) {
                chat.say("service.unavailable");
                return;
            }
            start(c, flow.serviceCode());
        }
        Service service = service(chat);
        if (service == null) {
            return;
        }
        Language l = chat.language();
        List<String> problems = new ArrayList<>();
        for (FormField field : service.certificate().fields()) {
            String answer = flow.fields().get(field.key());
            if (answer == null) {
                continue;
            }
            AnswerValidator.Result result = validator.check(field, answer);
            if (result.valid()) {
                c.put(ANSWER + field.key(), result.value());
            } else {
                c.remove(ANSWER + field.key());
                problems.add("- " + field.labels().in(l) + ": " + reason(chat, result));
            }
        }
        if (!problems.isEmpty()) {
            chat.say("form.flow.invalid", String.join("\n", problems));
        }
        c.put(FROM_FLOW, "yes");
        c.moveTo(Step.FORM);
        next(chat, service, firstOpen(chat, service));
    }

    /** Why an answer was refused, in the citizen's language. */
    private static String reason(Chat chat, AnswerValidator.Result result) {
        return result.reasonArgument() == null ? chat.t(result.reasonKey())
                : chat.t(result.reasonKey(), String.valueOf(result.reasonArgument()));
    }

    /** The first field without an answer; the number of fields when all have one. */
    private static int firstOpen(Chat chat, Service service) {
        List<FormField> fields = service.certificate().fields();
        int open = 0;
        while (open < fields.size() && chat.conversation().get(ANSWER + fields.get(open).key()) != null) {
            open++;
        }
        return open;
    }

    public void back(Chat chat) {
        Service service = service(chat);
        if (service == null) {
            return;
        }
        Conversation c = chat.conversation();
        if (c.step() == Step.FORM && c.get(EDITING) != null) { // changing one answer: back is the summary again
            backToSummary(chat, service);
            return;
        }
        int documentCount = DocumentFlow.asked(service).size();
        if (DocumentFlow.awaiting(chat) && DocumentFlow.index(chat) > 0) {
            documents.ask(chat, service, DocumentFlow.index(chat) - 1);
            return;
        }
        if (c.step() == Step.CONFIRM && documentCount > 0) {
            documents.ask(chat, service, documentCount - 1);
            return;
        }
        int index = c.step() == Step.CONFIRM || DocumentFlow.awaiting(chat) ? service.certificate().fields().size()
                : index(chat);
        c.remove(DocumentFlow.INDEX);
        c.moveTo(Step.FORM);
        if (index == 0) {
            chat.say("form.back.first");
            ask(chat, service, 0);
        } else {
            ask(chat, service, index - 1);
        }
    }

    public void cancel(Chat chat) {
        documents.clear(chat);
        chat.conversation().reset(Step.MENU);
        chat.say("form.cancelled");
    }

    /** Re-shows where the citizen is, e.g. after a message we could not use. */
    public void repeat(Chat chat) {
        Service service = service(chat);
        if (service == null) {
            return;
        }
        if (chat.conversation().step() == Step.CONFIRM) {
            summary(chat, service);
        } else if (DocumentFlow.awaiting(chat)) {
            documents.ask(chat, service, DocumentFlow.index(chat));
        } else {
            ask(chat, service, index(chat));
        }
    }

    public void submit(Chat chat) {
        Service service = service(chat);
        if (service == null) {
            return;
        }
        Language l = chat.language();
        Map<String, String> fields = answers(chat, service);
        String correlation = chat.conversation().get(Conversation.CORRELATION_ID);
        if (!Correlation.valid(correlation)) { // a form begun before correlation ids existed
            correlation = Correlation.newId();
            chat.conversation().put(Conversation.CORRELATION_ID, correlation);
            Correlation.switchTo(correlation);
        }
        // Not submitted until every required document is held, and uploaded to the issuer, which stores it with the
        // application: what the citizen is told was submitted has its documents.
        List<org.pramaan.catalog.SupportingDocument> missing = documents.missing(chat, service);
        if (!missing.isEmpty()) {
            askMissing(chat, service, missing);
            return;
        }
        try {
            List<IssuerClient.DocumentReference> uploaded;
            try {
                uploaded = documents.upload(chat, service);
            } catch (DocumentFlow.MissingFiles gone) {
                askMissing(chat, service, documents.missing(chat, service));
                return;
            }
            IssuerClient.Submitted submitted = issuer.submit(new IssuerClient.Submission(service.code(),
                    chat.citizen().recipient(), l.code(), fields, correlation, correlation, uploaded));
            log.info("Application {} for {} submitted", submitted.id(), service.code());
            if (!submitted.id().isBlank()) {
                chat.later(() -> owners.record(submitted.id(), chat.citizen().id(), chat.now()));
            }
            documents.clear(chat);
            chat.conversation().reset(Step.MENU);
            String due = CitizenDates.show(submitted.serviceLevelDue());
            chat.say("form.submitted", service.names().in(l), submitted.shownNumber(), due);
        } catch (IssuerClient.Rejected rejected) {
            List<String> lines = new ArrayList<>();
            int first = Integer.MAX_VALUE;
            List<FormField> all = service.certificate().fields();
            for (IssuerClient.FieldError e : rejected.errors()) {
                for (int i = 0; i < all.size(); i++) {
                    if (all.get(i).key().equals(e.field())) {
                        first = Math.min(first, i);
                        // The issuer's code in the bot's own words; its text when the code needs a limit.
                        String reason = AnswerValidator.reasonKey(e.code()).map(chat::t).orElse(e.reason());
                        lines.add("- " + all.get(i).labels().in(l) + ": " + reason);
                    }
                }
            }
            chat.say("form.rejected", String.join("\n", lines));
            chat.conversation().moveTo(Step.FORM);
            ask(chat, service, first == Integer.MAX_VALUE ? 0 : first);
        } catch (IssuerException e) {
            log.warn("Submitting {} for {} failed: {}", service.code(), chat.citizen().id(), e.toString());
            chat.say("error.temporary");
        }
    }

    private void askMissing(Chat chat, Service service, List<org.pramaan.catalog.SupportingDocument> missing) {
        if (missing.isEmpty()) {
            summary(chat, service);
            return;
        }
        Language l = chat.language();
        chat.say("document.missing", String.join(", ", missing.stream().map(d -> d.labels().in(l)).toList()));
        int index = DocumentFlow.asked(service).indexOf(missing.get(0));
        chat.conversation().put(EDITING, "yes");
        documents.ask(chat, service, Math.max(0, index));
    }

    /** The summary's "change an answer": every answered field, tapping one asks it again. */
    public void chooseAnswerToChange(Chat chat) {
        Service service = service(chat);
        if (service == null) {
            return;
        }
        Language l = chat.language();
        Map<String, String> answers = answers(chat, service);
        List<FormField> fields = service.certificate().fields();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < fields.size() && rows.size() < Replies.ROWS_MAX; i++) {
            FormField f = fields.get(i);
            String value = answers.get(f.key());
            String label = f.labels().in(l);
            // The title holds 24 characters: a longer label goes whole into the description, before the answer.
            String description = value == null ? null : shown(f, value, l);
            if (label.length() > Replies.ROW_TITLE_MAX) {
                description = description == null ? label : label + ": " + description;
            }
            rows.add(new Row("form:edit:" + i, Replies.fit(label, Replies.ROW_TITLE_MAX),
                    Replies.fit(description, Replies.ROW_DESCRIPTION_MAX)));
        }
        List<org.pramaan.catalog.SupportingDocument> asked = DocumentFlow.asked(service);
        for (int i = 0; i < asked.size() && rows.size() < Replies.ROWS_MAX; i++) {
            String label = "📎 " + asked.get(i).labels().in(l);
            String description = DocumentFlow.shown(chat, asked.get(i));
            if (label.length() > Replies.ROW_TITLE_MAX) {
                description = label + ": " + description;
            }
            rows.add(new Row("form:edit:d" + i, Replies.fit(label, Replies.ROW_TITLE_MAX),
                    Replies.fit(description, Replies.ROW_DESCRIPTION_MAX)));
        }
        chat.send(Replies.list(chat.t("form.edit.body"), chat.t("form.edit.button"), null,
                List.of(new Section(null, rows))));
    }

    /** Asks one field of the summary again; its answer leads back to the summary, not to the next field. */
    public void changeAnswer(Chat chat, String fieldIndex) {
        Service service = service(chat);
        if (service == null) {
            return;
        }
        if (fieldIndex.startsWith("d")) { // a document: a new file replaces the one sent
            int document;
            try {
                document = Integer.parseInt(fieldIndex.substring(1));
            } catch (NumberFormatException e) {
                document = -1;
            }
            if (document < 0 || document >= DocumentFlow.asked(service).size()) {
                summary(chat, service);
                return;
            }
            chat.conversation().put(EDITING, "yes");
            documents.ask(chat, service, document);
            return;
        }
        int index;
        try {
            index = Integer.parseInt(fieldIndex);
        } catch (NumberFormatException e) {
            index = -1;
        }
        if (index < 0 || index >= service.certificate().fields().size()) {
            summary(chat, service);
            return;
        }
        chat.conversation().put(EDITING, "yes");
        chat.conversation().moveTo(Step.FORM);
        ask(chat, service, index);
    }

    private void backToSummary(Chat chat, Service service) {
        chat.conversation().remove(EDITING);
        chat.conversation().remove(DocumentFlow.INDEX);
        chat.conversation().moveTo(Step.CONFIRM);
        summary(chat, service);
    }

    private void next(Chat chat, Service service, int index) {
        if (index >= service.certificate().fields().size()) {
            Optional<Integer> document = DocumentFlow.firstOpen(chat, service);
            if (document.isPresent()) {
                documents.ask(chat, service, document.get());
                return;
            }
            chat.conversation().remove(DocumentFlow.INDEX);
            chat.conversation().moveTo(Step.CONFIRM);
            summary(chat, service);
        } else {
            ask(chat, service, index);
        }
    }

    private void ask(Chat chat, Service service, int index) {
        Language l = chat.language();
        List<FormField> fields = service.certificate().fields();
        FormField field = fields.get(index);
        chat.conversation().put(INDEX, String.valueOf(index));
        String n = String.valueOf(index + 1);
        String total = String.valueOf(fields.size());
        List<EnumOption> options = field.validation().options();
        if (field.type() == FieldType.ENUM && !options.isEmpty() && options.size() <= Replies.ROWS_MAX) {
            String body = chat.t("form.ask.choice", n, total, field.labels().in(l));
            if (options.size() <= Replies.BUTTONS_MAX) {
                chat.send(Replies.buttons(body, options.stream().map(o -> new Button("opt:" + o.value(),
                        Replies.fit(o.labels().in(l), Replies.BUTTON_TITLE_MAX))).toList()));
            } else {
                chat.send(Replies.list(body, chat.t("form.choose"), null, List.of(new Section(null,
                        options.stream().map(o -> new Row("opt:" + o.value(),
                                Replies.fit(o.labels().in(l), Replies.ROW_TITLE_MAX), null)).toList()))));
            }
            return;
        }
        Optional<String> example = examples.in(field.example(), l)
                .map(e -> field.type() == FieldType.DATE ? CitizenDates.show(e) : e);
        if (example.isPresent()) {
            chat.say("form.ask", n, total, field.labels().in(l), example.get());
        } else {
            chat.say("form.ask.plain", n, total, field.labels().in(l));
        }
    }

    private void summary(Chat chat, Service service) {
        Language l = chat.language();
        StringBuilder lines = new StringBuilder();
        Map<String, String> answers = answers(chat, service);
        for (FormField f : service.certificate().fields()) {
            String value = answers.get(f.key());
            if (value == null) {
                continue;
            }
            lines.append(f.labels().in(l)).append(": ").append(shown(f, value, l)).append('\n');
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

    /** An answer as the citizen reads it back: an Aadhaar number masked, an option's label, a date as DD-MM-YYYY. */
    private static String shown(FormField f, String value, Language l) {
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

    private Map<String, String> answers(Chat chat, Service service) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (FormField f : service.certificate().fields()) {
            String v = chat.conversation().get(ANSWER + f.key());
            if (v != null) {
                answers.put(f.key(), v);
            }
        }
        return answers;
    }

    private Service service(Chat chat) {
        String code = chat.conversation().get(SERVICE);
        Service service = code == null ? null : catalogs.catalog().service(code).filter(Service::canApply).orElse(null);
        if (service == null) {
            chat.conversation().reset(Step.MENU);
            chat.say("service.unavailable");
        }
        return service;
    }

    private static int index(Chat chat) {
        String v = chat.conversation().get(INDEX);
        return v == null ? 0 : Integer.parseInt(v);
    }
}
