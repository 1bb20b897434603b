package org.pramaan.bridge.conversation;

import java.util.Optional;
import org.pramaan.bridge.catalog.Catalog.Department;
import org.pramaan.bridge.issuer.CatalogClient;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.outbound.GraphApiException;
import org.pramaan.bridge.outbound.GraphClient;
import org.pramaan.bridge.verifier.VerifierClient;
import org.pramaan.bridge.verifier.VerifierClient.Verdict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Verification in the chat: a QR photo, a certificate PDF or a pasted QR link, checked by verifier-app. */
@Component
public class VerifyFlow {

    private static final Logger log = LoggerFactory.getLogger(VerifyFlow.class);

    private final GraphClient graph;
    private final VerifierClient verifier;
    private final CatalogClient catalogs;

    public VerifyFlow(GraphClient graph, VerifierClient verifier, CatalogClient catalogs) {
        this.graph = graph;
        this.verifier = verifier;
        this.catalogs = catalogs;
    }

    public void prompt(Chat chat) {
        chat.conversation().reset(Step.VERIFY);
        chat.say("verify.prompt");
    }

    public void media(Chat chat, InboundMessage message) {
        try {
            GraphClient.Media media = graph.download(message.mediaId());
            String mime = media.mimeType() == null ? message.mimeType() : media.mimeType();
            String filename = message.filename() != null ? message.filename()
                    : "certificate" + (mime != null && mime.contains("pdf") ? ".pdf" : ".jpg");
            answer(chat, verifier.verifyFile(media.bytes(), mime, filename, chat.language()));
        } catch (GraphApiException | GraphClient.MediaTooLargeException | VerifierClient.VerifierException e) {
            log.warn("Verification for {} failed: {}", chat.citizen().id(), e.toString());
            chat.say("verify.failed");
        }
    }

    public void qrText(Chat chat, String text) {
        try {
            answer(chat, verifier.verifyQr(text.strip(), chat.language()));
        } catch (VerifierClient.VerifierException e) {
            log.warn("Verification for {} failed: {}", chat.citizen().id(), e.toString());
            chat.say("verify.failed");
        }
    }

    /** Looks like the text of a Pramaan QR code: the verifier's address, /C/, then the credential. */
    public static boolean looksLikeQr(String text) {
        return text != null && text.strip().matches("(?i)https?://\\S+/C/[A-Z2-7]{16,}");
    }

    private void answer(Chat chat, Verdict verdict) {
        chat.conversation().reset(Step.MENU);
        String status = verdict.status();
        String headline;
        try {
            headline = chat.t("verdict." + status);
        } catch (java.util.MissingResourceException e) {
            headline = status;
        }
        String facts = "";
        if (verdict.certificateId() != null) {
            Optional<Department> department = department(verdict);
            facts = chat.t("verify.facts", verdict.certificateId(), typeName(verdict, department, chat.language()),
                    nz(verdict.holderName()),
                    department.map(d -> d.names().in(chat.language())).orElse(nz(verdict.department())),
                    date(verdict.issuedAt()),
                    verdict.expiresAt() == null ? chat.t("verify.never") : date(verdict.expiresAt()));
        }
        chat.say("verify.result", headline, nz(verdict.message()), facts);
    }

    private Optional<Department> department(Verdict verdict) {
        if (verdict.departmentCode() == null) {
            return Optional.empty();
        }
        try {
            return catalogs.catalog().department(verdict.departmentCode()).filter(d -> d.names() != null);
        } catch (RuntimeException e) {
            log.warn("Catalog unavailable for naming a verified certificate: {}", e.toString());
            return Optional.empty();
        }
    }

    /** "Income Certificate" in the citizen's language rather than the type code "INC". */
    private static String typeName(Verdict verdict, Optional<Department> department, Language language) {
        return department.flatMap(d -> d.services().stream()
                        .filter(s -> s.certificate() != null && s.certificate().titles() != null
                                && s.certificate().type() != null && s.certificate().type().equals(verdict.type()))
                        .map(s -> s.certificate().titles().in(language)).findFirst())
                .orElse(nz(verdict.type()));
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    private static String date(String s) {
        return CitizenDates.show(s);
    }
}
