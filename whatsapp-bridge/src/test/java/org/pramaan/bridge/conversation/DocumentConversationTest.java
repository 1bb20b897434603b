package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * A citizen applies for a land holding certificate, whose catalog entry asks for a pattadar passbook (required,
 * photo or PDF) and a land tax receipt (optional, PDF only): wrong kinds, a file that is not what it says, one too
 * large and typed text are refused with their reason and the document asked again; the optional one is skipped and
 * later added from the summary; the submission carries both files, uploaded to the issuer first.
 */
class DocumentConversationTest extends BridgeIntegrationTest {

    @Test
    void theChatAsksForEachDocumentChecksItAndSubmitsThemWithTheApplication() throws Exception {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:en");
        int seen = awaitMessages(phone, 3).size();
        tap(phone, "start:REV-LAND");
        assertThat(bodyText(next(phone, seen++))).contains("Question 1 of 1");
        say(phone, "Kondapalli Ramesh");
        JsonNode ask = next(phone, seen++);
        assertThat(bodyText(ask)).contains("Document 1 of 2", "Pattadar passbook", "photo or a PDF")
                .doesNotContain("Skip");

        say(phone, "I have it at home");
        assertThat(bodyText(next(phone, seen++))).contains("instead of typing", "Pattadar passbook");
        say(phone, "skip");
        assertThat(bodyText(next(phone, seen++))).contains("cannot be skipped");

        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "audio", media("OggS voice", "audio/ogg"),
                "audio/ogg", null));
        assertThat(bodyText(next(phone, seen++))).contains("cannot be used for *Pattadar passbook*");
        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "document",
                media("PK word file", "application/msword"), "application/msword", "passbook.doc"));
        assertThat(bodyText(next(phone, seen++))).contains("cannot be used", "photo or a PDF");
        // Declared a JPEG, but its bytes are not one.
        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "image", media("MZ not a photo", "image/jpeg"),
                "image/jpeg", null));
        assertThat(bodyText(next(phone, seen++))).contains("could not read that file");
        byte[] huge = jpeg(5 * 1024 * 1024 + 10);
        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "image", graph.store(huge, "image/jpeg", null),
                "image/jpeg", null));
        assertThat(bodyText(next(phone, seen++))).contains("too large", "5 MB");
        assertThat(ISSUER.submissions).noneMatch(s -> s.path("phoneNumber").asString("").equals(phone));

        byte[] photo = jpeg(4000);
        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "image", graph.store(photo, "image/jpeg",
                null), "image/jpeg", null));
        assertThat(bodyText(next(phone, seen++))).contains("Received: Pattadar passbook");
        JsonNode optional = next(phone, seen++);
        assertThat(bodyText(optional)).contains("Document 2 of 2", "Land tax receipt", "a PDF", "Skip");
        assertThat(choices(optional)).containsExactly("doc:skip");
        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "image", graph.store(jpeg(3000), "image/jpeg",
                null), "image/jpeg", null));
        assertThat(bodyText(next(phone, seen++))).as("a photo where only a PDF is taken")
                .contains("cannot be used for *Land tax receipt*", "a PDF");
        tap(phone, "doc:skip");
        assertThat(bodyText(next(phone, seen++))).contains("Skipped: Land tax receipt");
        JsonNode summary = next(phone, seen++);
        assertThat(bodyText(summary)).contains("Kondapalli Ramesh", "Documents:", "Pattadar passbook: photo",
                "Land tax receipt: not sent");
        assertThat(choices(summary)).containsExactly("form:submit", "form:edit", "form:cancel");

        // The summary's "change an answer" can replace a document: here the skipped one is sent after all.
        tap(phone, "form:edit");
        JsonNode answers = next(phone, seen++);
        assertThat(choices(answers)).contains("form:edit:0", "form:edit:d0", "form:edit:d1");
        tap(phone, "form:edit:d1");
        assertThat(bodyText(next(phone, seen++))).contains("Land tax receipt");
        byte[] receipt = ("%PDF-1.7\n" + "x".repeat(500)).getBytes(StandardCharsets.US_ASCII);
        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "document", graph.store(receipt,
                "application/pdf", "tax 2026.pdf"), "application/pdf", "tax 2026.pdf"));
        assertThat(bodyText(next(phone, seen++))).contains("Received: Land tax receipt");
        assertThat(bodyText(next(phone, seen++))).contains("Pattadar passbook: photo", "Land tax receipt: PDF");

        tap(phone, "form:submit");
        assertThat(bodyText(next(phone, seen))).contains("submitted");
        await().atMost(Duration.ofSeconds(5)).until(() -> ISSUER.submissions.stream()
                .anyMatch(s -> s.path("phoneNumber").asString("").equals(phone)));
        JsonNode submission = ISSUER.submissions.stream().filter(s -> s.path("phoneNumber").asString("").equals(phone))
                .findFirst().orElseThrow();
        JsonNode documents = submission.path("documents");
        assertThat(documents.size()).isEqualTo(2);
        assertThat(documents.get(0).path("document").asString()).isEqualTo("passbook");
        assertThat(documents.get(0).path("sha256").asString()).isEqualTo(sha256(photo));
        assertThat(documents.get(0).path("mimeType").asString()).isEqualTo("image/jpeg");
        assertThat(documents.get(1).path("document").asString()).isEqualTo("tax");
        assertThat(documents.get(1).path("fileName").asString()).isEqualTo("tax 2026.pdf");
        assertThat(ISSUER.uploads.get(sha256(photo))).isEqualTo(photo);
        assertThat(ISSUER.uploads.get(sha256(receipt))).isEqualTo(receipt);
        assertThat(ISSUER.uploadTypes.get(sha256(photo))).isEqualTo("image/jpeg REV-LAND passbook");
        assertThat(ISSUER.uploadTypes.get(sha256(receipt))).isEqualTo("application/pdf REV-LAND tax");
        // Once the issuer has them, the bridge keeps no copy.
        await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM form_document WHERE service_code = 'REV-LAND' AND citizen_id IN"
                        + " (SELECT id FROM citizen WHERE phone = ?)", Long.class, phone) == 0);
    }

    @Test
    void aFormWithoutDocumentsGoesStraightToTheSummary() {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:te");
        int seen = awaitMessages(phone, 3).size();
        tap(phone, "start:REV-CASTE");
        seen++;
        say(phone, "కొండపల్లి రమేష్");
        JsonNode summary = next(phone, seen);
        assertThat(choices(summary)).containsExactly("form:submit", "form:edit", "form:cancel");
        assertThat(bodyText(summary)).doesNotContain("పత్రాలు:");
    }

    @Test
    void aPhotoSentWhileTypingAnswersIsNotTakenAsADocument() {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:en");
        int seen = awaitMessages(phone, 3).size();
        tap(phone, "start:REV-LAND");
        seen++;
        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "image", graph.store(jpeg(1000),
                "image/jpeg", null), "image/jpeg", null));
        assertThat(bodyText(next(phone, seen++))).contains("type the answer");
        assertThat(bodyText(next(phone, seen))).contains("Question 1 of 1");
    }

    private String media(String content, String mime) {
        return graph.store(content.getBytes(StandardCharsets.US_ASCII), mime, null);
    }

    static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        ThreadLocalRandom.current().nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
