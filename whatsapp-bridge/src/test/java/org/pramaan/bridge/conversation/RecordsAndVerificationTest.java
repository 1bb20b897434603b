package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.bridge.support.StandInVerifier;
import tools.jackson.databind.JsonNode;

class RecordsAndVerificationTest extends BridgeIntegrationTest {

    private int start(String phone, String language) {
        say(phone, "hi");
        tap(phone, "lang:" + language);
        return awaitMessages(phone, 3).size();
    }

    @Test
    void aPhotoOfAQrIsDownloadedVerifiedAndAnsweredWithTheFacts() {
        String phone = newPhone();
        int seen = start(phone, "en");
        String mediaId = graph.store("fake-jpeg-with-qr".getBytes(StandardCharsets.UTF_8), "image/jpeg", null);
        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "image", mediaId, "image/jpeg", null));
        String answer = bodyText(next(phone, seen));
        assertThat(answer).contains("Genuine", "REV-INC-2026-0000042", "Kondapalli Ramesh", "Revenue", "01-11-2027");
        assertThat(VERIFIER.calls).anyMatch(c -> c.startsWith("/api/v1/verify/image lang=en key=" + StandInVerifier.API_KEY));
    }

    @Test
    void aTamperedPdfIsReportedInTheCitizensLanguage() {
        String phone = newPhone();
        int seen = start(phone, "hi");
        tap(phone, "menu:verify");
        assertThat(bodyText(next(phone, seen++))).contains("QR");
        String mediaId = graph.store("%PDF TAMPERED".getBytes(StandardCharsets.UTF_8), "application/pdf", "c.pdf");
        send(phone, WebhookPayloads.media(phone, wamid(), Instant.now(), "document", mediaId, "application/pdf", "c.pdf"));
        assertThat(bodyText(next(phone, seen))).contains("छेड़छाड़");
    }

    @Test
    void statusListsTheCitizensApplications() {
        String phone = newPhone();
        int seen = start(phone, "en");
        say(phone, "status");
        assertThat(bodyText(next(phone, seen++))).contains("no applications");
        tap(phone, "start:MAUD-BIRTH");
        seen++;
        say(phone, "Lakshmi Devi");
        seen++;
        tap(phone, "form:submit");
        seen++;
        say(phone, "స్థితి");
        assertThat(bodyText(next(phone, seen))).contains("Birth Certificate", "submitted");
    }

    @Test
    void myCertificatesResendsTheChosenPdf() {
        String phone = newPhone();
        int seen = start(phone, "en");
        ISSUER.certificates.put(phone, List.of(Map.of("id", "REV-INC-2026-0000077", "serviceCode", "REV-INCOME",
                "status", "ACTIVE", "issuedAt", "2026-11-01T00:00:00Z", "validUntil", "2027-11-01T00:00:00Z")));
        tap(phone, "menu:certs");
        JsonNode list = next(phone, seen++);
        assertThat(choices(list)).containsExactly("cert:REV-INC-2026-0000077");
        tap(phone, "cert:REV-INC-2026-0000077");
        List<JsonNode> messages = awaitMessages(phone, seen + 2);
        assertThat(messages.get(seen + 1).path("document").path("filename").asString())
                .isEqualTo("REV-INC-2026-0000077.pdf");
        assertThat(ISSUER.pdfDownloads).contains("/api/v1/certificates/REV-INC-2026-0000077/pdf");
    }

    @Test
    void issuerRefusalSendsTheCitizenBackToTheField() {
        String phone = newPhone();
        int seen = start(phone, "en");
        tap(phone, "start:REV-INCOME");
        seen++;
        say(phone, "Ramesh");
        seen++;
        say(phone, "13"); // the stand-in issuer refuses this income
        seen++;
        say(phone, "2341 2341 2346");
        seen++;
        tap(phone, "opt:RURAL");
        seen++;
        tap(phone, "form:submit");
        assertThat(bodyText(next(phone, seen++))).contains("income looks wrong");
        assertThat(bodyText(next(phone, seen))).contains("Question 2 of 4");
    }

    @Test
    void aPastedQrLinkIsVerifiedToo() {
        String phone = newPhone();
        int seen = start(phone, "te");
        say(phone, "HTTPS://VERIFY.EXAMPLE.GOV.IN/C/6BFOXN2MZQGA3TQOBRGE4DGNBQ");
        assertThat(bodyText(next(phone, seen))).contains("నిజమైనది", "REV-INC-2026-0000042");
        assertThat(VERIFIER.calls).anyMatch(c -> c.startsWith("/api/v1/verify lang=te"));
    }

    @Test
    void aCitizenWithOnlyABusinessScopedUserIdIsServedOnThatId() {
        String userId = "IN.BSUID" + newPhone();
        var message = WebhookPayloads.text(userId, wamid(), Instant.now(), "hi");
        message.remove("from");
        message.put("from_user_id", userId);
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"W\",\"changes\":[{\"field\":"
                + "\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"phone_number_id\":\""
                + PHONE_NUMBER_ID + "\"},\"contacts\":[{\"profile\":{\"name\":\"U\"},\"user_id\":\"" + userId
                + "\"}],\"messages\":[" + message + "]}}]}]}";
        assertThat(postSigned(body).statusCode()).isEqualTo(200);
        assertThat(choices(next(userId, 0))).containsExactly("lang:te", "lang:en", "lang:hi");
        assertThat(jdbc.queryForObject("SELECT user_id FROM citizen WHERE id = ?", String.class, userId)).isEqualTo(userId);
    }
}
