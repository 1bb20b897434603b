package org.pramaan.bridge.conversation;

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

    public VerifyFlow(GraphClient graph, VerifierClient verifier) {
        this.graph = graph;
        this.verifier = verifier;
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
        } catch (GraphApiException | VerifierClient.VerifierException e) {
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
            facts = chat.t("verify.facts", verdict.certificateId(), nz(verdict.type()), nz(verdict.holderName()),
                    nz(verdict.department()), date(verdict.issuedAt()),
                    verdict.expiresAt() == null ? chat.t("verify.never") : date(verdict.expiresAt()));
        }
        chat.say("verify.result", headline, nz(verdict.message()), facts);
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }

    private static String date(String s) {
        return s == null ? "-" : s.substring(0, Math.min(10, s.length()));
    }
}
