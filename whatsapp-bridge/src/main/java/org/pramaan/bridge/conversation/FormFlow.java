package org.pramaan.bridge.conversation;

import java.time.Clock;
import java.util.ArrayList;
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
 * "back" and "cancel" at any point, a summary to confirm ({@link FormSummary}), then the submission to issuer-service.
 * Supporting documents are asked for by {@link DocumentFlow} after the fields.
 */
@Component
public class FormFlow {

    private static final Logger log = LoggerFactory.getLogger(FormFlow.class);
    private static final String SERVICE = "service";
    private static final String INDEX = "field";
    private static final String FROM_FLOW = "flow";
    /** Set while one answer is being changed from the summary: a valid answer goes back to the summary. */
    private static final String EDITING = "editing";

    private final CatalogClient catalogs;
    private final IssuerClient issuer;
    private final AnswerValidator validator;
    private final ApplicationOwners owners;
    private final FormExamples examples;
    private final DocumentFlow documents;
    private final FormSummary summary;

    public FormFlow(CatalogClient catalogs, IssuerClient issuer, Clock clock, ApplicationOwners owners,
            FormExamples examples, DocumentFlow documents, FormSummary summary) {
        this.documents = documents;
        this.summary = summary;
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
            chat.say("form.invalid", FormAnswers.reason(chat, result));
            ask(chat, service, index);
            return;
        }
        FormAnswers.put(chat.conversation(), field, result.value());
        if (chat.conversation().get(EDITING) != null) {
            backToSummary(chat, service);
            return;
        }
        // After a Flow filled most of the form, only the fields it left open are asked.
        next(chat, service, chat.conversation().get(FROM_FLOW) != null ? FormAnswers.firstOpen(chat, service) : index + 1);
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
                FormAnswers.put(c, field, result.value());
            } else {
                FormAnswers.remove(c, field);
                problems.add("- " + field.labels().in(l) + ": " + FormAnswers.reason(chat, result));
            }
        }
        if (!problems.isEmpty()) {
            chat.say("form.flow.invalid", String.join("\n", problems));
        }
        c.put(FROM_FLOW, "yes");
        c.moveTo(Step.FORM);
        next(chat, service, FormAnswers.firstOpen(chat, service));
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
            summary.show(chat, service);
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
        Map<String, String> fields = FormAnswers.of(chat, service);
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
            summary.show(chat, service);
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
        if (service != null) {
            summary.chooseAnswerToChange(chat, service);
        }
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
                summary.show(chat, service);
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
            summary.show(chat, service);
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
        summary.show(chat, service);
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
            summary.show(chat, service);
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
