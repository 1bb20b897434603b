package org.pramaan.bridge.conversation;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pramaan.bridge.catalog.Catalog.Service;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.config.DocumentSettings;
import org.pramaan.bridge.issuer.IssuerClient;
import org.pramaan.bridge.outbound.GraphApiException;
import org.pramaan.bridge.outbound.GraphClient;
import org.pramaan.bridge.outbound.Replies;
import org.pramaan.bridge.outbound.Replies.Button;
import org.pramaan.catalog.SupportingDocument;
import org.pramaan.catalog.document.DocumentKind;
import org.pramaan.catalog.document.DocumentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The supporting documents of a form, asked one at a time after its fields and before the summary: the citizen sends
 * a photo or a PDF (the media type the message declares and the downloaded bytes must agree, and the catalog must
 * allow that kind for the document), or skips an optional one. The file is downloaded from the Graph API in the
 * inbox worker's turn (outside the webhook's acknowledgement and any transaction), capped in size and time, and kept
 * in {@code bridge.form_document} until the issuer has acknowledged the application that carries it. Neither the
 * file's name nor its contents reach a log.
 */
@Component
public class DocumentFlow {

    private static final Logger log = LoggerFactory.getLogger(DocumentFlow.class);
    /** The index of the document being asked for; present only while documents are asked. */
    static final String INDEX = "doc";
    /** Per document: {@code <sha256 hex>|<media type>|<size>} once received, {@value #SKIPPED} once skipped. */
    static final String ANSWER = "d.";
    static final String SKIPPED = "-";
    private static final Set<String> SKIP_WORDS = Set.of("skip", "దాటవేయి", "దాటవేయండి", "छोड़ें", "छोड़ो", "छोड़े",
            "skip it");
    private static final int FILE_NAME_MAX = 200;

    private final GraphClient graph;
    private final FormDocuments files;
    private final IssuerClient issuer;
    private final DocumentSettings settings;

    public DocumentFlow(GraphClient graph, FormDocuments files, IssuerClient issuer, DocumentSettings settings) {
        this.graph = graph;
        this.files = files;
        this.issuer = issuer;
        this.settings = settings;
    }

    /** The documents the chat asks for, in catalog order. */
    static List<SupportingDocument> asked(Service service) {
        return service.certificate().askedDocuments();
    }

    /** True while the chat waits for a document rather than a typed answer. */
    static boolean awaiting(Chat chat) {
        return chat.conversation().step() == Step.FORM && chat.conversation().get(INDEX) != null;
    }

    /** The first document with neither a file nor a skip; empty when each has one. */
    static Optional<Integer> firstOpen(Chat chat, Service service) {
        List<SupportingDocument> documents = asked(service);
        for (int i = 0; i < documents.size(); i++) {
            if (chat.conversation().get(ANSWER + documents.get(i).key()) == null) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    void ask(Chat chat, Service service, int index) {
        List<SupportingDocument> documents = asked(service);
        SupportingDocument document = documents.get(index);
        chat.conversation().moveTo(Step.FORM);
        chat.conversation().put(INDEX, String.valueOf(index));
        Language l = chat.language();
        String body = chat.t("document.ask", String.valueOf(index + 1), String.valueOf(documents.size()),
                document.labels().in(l), kinds(chat, document), document.required() ? ""
                        : chat.t("document.ask.optional"));
        if (document.required()) {
            chat.send(Replies.text(body));
        } else {
            chat.send(Replies.buttons(Replies.fit(body, Replies.INTERACTIVE_BODY_MAX),
                    List.of(new Button("doc:skip", Replies.fit(chat.t("document.skip"), Replies.BUTTON_TITLE_MAX)))));
        }
    }

    /** The current document, or null (the index no longer fits the service's list: the catalog changed). */
    private static SupportingDocument current(Chat chat, Service service) {
        String index = chat.conversation().get(INDEX);
        List<SupportingDocument> documents = asked(service);
        try {
            int i = Integer.parseInt(index);
            return i >= 0 && i < documents.size() ? documents.get(i) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static int index(Chat chat) {
        return Integer.parseInt(chat.conversation().get(INDEX));
    }

    /**
     * A photo, file or any other media while a document is asked for: checked, downloaded, kept. Returns true when
     * the document was received (the form goes on), false when it was refused and asked again.
     */
    boolean received(Chat chat, Service service, InboundMessage m) {
        SupportingDocument document = current(chat, service);
        if (document == null) {
            return false;
        }
        Language l = chat.language();
        String name = document.labels().in(l);
        Optional<DocumentKind> declared = DocumentKind.ofMimeType(m.mimeType());
        boolean photoOrFile = "image".equals(m.type()) || "document".equals(m.type());
        if (!photoOrFile || m.mediaId() == null || declared.isEmpty() || !document.accepts(declared.get())) {
            chat.say("document.wrongKind", name, kinds(chat, document));
            return false;
        }
        GraphClient.Media media;
        try {
            media = graph.download(m.mediaId(), settings.maxBytes(), settings.downloadTimeout());
        } catch (GraphClient.MediaTooLargeException e) {
            chat.say("document.tooLarge", megabytes(e.limit()));
            return false;
        } catch (GraphApiException e) {
            log.warn("Document {} for {} could not be downloaded: {}", document.key(), service.code(), e.getMessage());
            chat.say("document.unreadable", kinds(chat, document));
            return false;
        }
        // What the message said it is, what the Graph API says and what the bytes are must all agree.
        String mime = media.mimeType() == null ? m.mimeType() : media.mimeType();
        Optional<DocumentType> type = DocumentType.check(mime, media.bytes())
                .filter(t -> t.kind() == declared.get());
        if (type.isEmpty()) {
            chat.say("document.unreadable", kinds(chat, document));
            return false;
        }
        byte[] bytes = media.bytes();
        String sha = HexFormat.of().formatHex(sha256(bytes));
        String fileName = fileName(m.filename());
        FormDocuments.FormDocument file = new FormDocuments.FormDocument(document.key(), service.code(), bytes,
                sha256(bytes), type.get().mimeType(), fileName, chat.now());
        String citizenId = chat.citizen().id();
        chat.later(() -> files.save(citizenId, file));
        chat.conversation().put(ANSWER + document.key(), sha + "|" + type.get().mimeType() + "|" + bytes.length);
        log.info("Document {} for {} received ({} bytes, {})", document.key(), service.code(), bytes.length,
                type.get());
        chat.say("document.received", name);
        return true;
    }

    /**
     * Text while a document is asked for: "skip" skips an optional one; anything else is told what to send. Returns
     * true when the document was skipped.
     */
    boolean text(Chat chat, Service service, String text) {
        SupportingDocument document = current(chat, service);
        if (document == null) {
            return false;
        }
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (SKIP_WORDS.contains(word) || word.equals(chat.t("document.skip").toLowerCase(Locale.ROOT))) {
            return skip(chat, service);
        }
        chat.say("document.expected", document.labels().in(chat.language()), kinds(chat, document));
        return false;
    }

    /** Skips the current document if it is optional; a required one is explained and asked again. */
    boolean skip(Chat chat, Service service) {
        SupportingDocument document = current(chat, service);
        if (document == null) {
            return false;
        }
        String name = document.labels().in(chat.language());
        if (document.required()) {
            chat.say("document.required", name, kinds(chat, document));
            return false;
        }
        chat.conversation().put(ANSWER + document.key(), SKIPPED);
        String citizenId = chat.citizen().id();
        chat.later(() -> files.remove(citizenId, document.key()));
        chat.say("document.skipped", name);
        return true;
    }

    /** The summary's lines for the documents: each with what was received, or that it was not sent. */
    String summary(Chat chat, Service service) {
        List<SupportingDocument> documents = asked(service);
        if (documents.isEmpty()) {
            return "";
        }
        StringBuilder lines = new StringBuilder(chat.t("form.summary.documents"));
        for (SupportingDocument d : documents) {
            lines.append("\n📎 ").append(d.labels().in(chat.language())).append(": ").append(shown(chat, d));
        }
        return lines.toString();
    }

    /** What was received for a document, as the citizen reads it back (a photo, a PDF, not sent). */
    static String shown(Chat chat, SupportingDocument d) {
        String answer = chat.conversation().get(ANSWER + d.key());
        if (answer == null || SKIPPED.equals(answer)) {
            return chat.t("form.summary.document.skipped");
        }
        return answer.contains("application/pdf") ? chat.t("form.summary.document.pdf")
                : chat.t("form.summary.document.photo");
    }

    /** The required documents still without a file; empty when the form may be submitted. */
    List<SupportingDocument> missing(Chat chat, Service service) {
        return asked(service).stream().filter(d -> {
            String answer = chat.conversation().get(ANSWER + d.key());
            return answer == null || (d.required() && SKIPPED.equals(answer));
        }).toList();
    }

    /**
     * Uploads each received file to the issuer and returns the references the application names. A file the
     * conversation counts on but the bridge no longer holds (the form moved to another number) is missing.
     *
     * @throws MissingFiles when a received document's file is gone: it must be asked again
     */
    List<IssuerClient.DocumentReference> upload(Chat chat, Service service) {
        List<FormDocuments.FormDocument> held = files.of(chat.citizen().id(), service.code());
        List<IssuerClient.DocumentReference> references = new ArrayList<>();
        for (SupportingDocument d : asked(service)) {
            String answer = chat.conversation().get(ANSWER + d.key());
            if (answer == null || SKIPPED.equals(answer)) {
                continue;
            }
            String sha = answer.substring(0, answer.indexOf('|'));
            FormDocuments.FormDocument file = held.stream().filter(f -> f.documentKey().equals(d.key())
                    && HexFormat.of().formatHex(f.sha256()).equals(sha)).findFirst().orElse(null);
            if (file == null) {
                chat.conversation().remove(ANSWER + d.key());
                throw new MissingFiles();
            }
            references.add(issuer.uploadDocument(service.code(), d.key(), file.bytes(), file.mimeType(),
                    file.fileName(), chat.conversation().get(Conversation.CORRELATION_ID)));
        }
        return references;
    }

    /** Forgets the citizen's files (the application was acknowledged, or the form ended). */
    void clear(Chat chat) {
        String citizenId = chat.citizen().id();
        chat.later(() -> files.clear(citizenId));
    }

    /** A received file the bridge no longer holds. */
    static final class MissingFiles extends RuntimeException {
        MissingFiles() {
            super("a received document's file is gone", null, false, false);
        }
    }

    private static String kinds(Chat chat, SupportingDocument document) {
        boolean image = document.accepts(DocumentKind.IMAGE);
        boolean pdf = document.accepts(DocumentKind.PDF);
        return chat.t(image && pdf ? "document.kinds.both" : image ? "document.kinds.image" : "document.kinds.pdf");
    }

    private static String megabytes(long bytes) {
        return String.valueOf(Math.max(1, bytes / (1024 * 1024)));
    }

    private static String fileName(String given) {
        if (given == null) {
            return null;
        }
        String clean = given.codePoints().filter(c -> !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.isEmpty()) {
            return null;
        }
        return clean.length() > FILE_NAME_MAX ? clean.substring(clean.length() - FILE_NAME_MAX) : clean;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
