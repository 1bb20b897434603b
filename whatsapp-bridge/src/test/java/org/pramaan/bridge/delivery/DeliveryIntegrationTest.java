package org.pramaan.bridge.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.bridge.support.StandInIssuer;
import tools.jackson.databind.JsonNode;

class DeliveryIntegrationTest extends BridgeIntegrationTest {

    private HttpResponse<String> deliver(String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url("/internal/v1/deliveries")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String issued(String deliveryId, String phone, String certificateId) {
        return """
                {"deliveryId":"%s","type":"ISSUED","certificateId":"%s","applicationId":null,
                 "phoneNumber":"%s","language":"te","serviceName":{"en":"Income Certificate",
                 "te":"ఆదాయ ధృవీకరణ పత్రం","hi":"आय प्रमाण पत्र"},"pdfUrl":"%s/api/v1/certificates/%s/pdf",
                 "verifyUrl":"HTTPS://VERIFY.EXAMPLE/C/ABC","reason":null}"""
                .formatted(deliveryId, certificateId, phone, ISSUER.baseUrl(), certificateId);
    }

    @Test
    void refusesCallersWithoutTheBridgeToken() throws Exception {
        String phone = newPhone();
        String id = UUID.randomUUID().toString();
        assertThat(deliver(null, issued(id, phone, "REV-INC-2026-0000001")).statusCode()).isEqualTo(401);
        assertThat(deliver("wrong", issued(id, phone, "REV-INC-2026-0000001")).statusCode()).isEqualTo(401);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE delivery_id = ?", Integer.class, id)).isZero();
    }

    @Test
    void refusesBadInputWithSpecificErrorsAndStoresNothing() throws Exception {
        HttpResponse<String> response = deliver(BRIDGE_TOKEN,
                "{\"deliveryId\":\"d-bad\",\"type\":\"LOST\",\"phoneNumber\":\"+91 98\",\"serviceName\":{\"en\":\"x\"}}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("type must be ISSUED", "phoneNumber");
        assertThat(deliver(BRIDGE_TOKEN, "{not json").statusCode()).isEqualTo(400);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE delivery_id = 'd-bad'", Integer.class)).isZero();
    }

    @Test
    void issuedCertificateIsUploadedAndSentOnceWithACaptionInsideTheWindow() throws Exception {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:te");
        int seen = awaitMessages(phone, 3).size();
        String deliveryId = UUID.randomUUID().toString();
        String certificateId = "REV-INC-2026-" + phone.substring(phone.length() - 7);
        for (int i = 0; i < 3; i++) { // the issuer retries; only the first counts
            assertThat(deliver(BRIDGE_TOKEN, issued(deliveryId, phone, certificateId)).statusCode()).isEqualTo(202);
        }
        List<JsonNode> messages = awaitMessages(phone, seen + 2);
        assertThat(bodyText(messages.get(seen))).contains("ఆదాయ ధృవీకరణ పత్రం");
        JsonNode document = messages.get(seen + 1);
        assertThat(document.path("type").asString()).isEqualTo("document");
        assertThat(document.path("document").path("filename").asString()).isEqualTo(certificateId + ".pdf");
        assertThat(document.path("document").path("caption").asString()).contains(certificateId, "QR");
        String mediaId = document.path("document").path("id").asString();
        assertThat(graph.media(mediaId).orElseThrow().bytes()).isEqualTo(StandInIssuer.PDF);
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> graph.sentTo(phone, 0).size() == seen + 2);
    }

    @Test
    void outsideTheWindowTheTemplateComesFirst() throws Exception {
        String phone = newPhone(); // never wrote to us
        String certificateId = "REV-INC-2026-" + phone.substring(phone.length() - 7);
        assertThat(deliver(BRIDGE_TOKEN, issued(UUID.randomUUID().toString(), phone, certificateId)).statusCode())
                .isEqualTo(202);
        JsonNode first = next(phone, 0);
        assertThat(first.path("type").asString()).isEqualTo("template");
        assertThat(first.path("template").path("language").path("code").asString()).isEqualTo("te");
        tap(phone, "menu");
        List<JsonNode> after = awaitMessages(phone, 3);
        assertThat(after.get(1).path("type").asString()).isEqualTo("text");
        assertThat(after.get(2).path("type").asString()).isEqualTo("document");
    }

    @Test
    void revocationAndRejectionAreExplainedWithTheReason() throws Exception {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:en");
        int seen = awaitMessages(phone, 3).size();
        deliver(BRIDGE_TOKEN, """
                {"deliveryId":"%s","type":"REVOKED","certificateId":"REV-INC-2026-0000009","phoneNumber":"%s",
                 "language":"en","serviceName":{"en":"Income Certificate","te":"ఆ","hi":"आ"},"pdfUrl":null,
                 "verifyUrl":null,"reason":null,"reasonCode":"ISSUED_IN_ERROR"}""".formatted(UUID.randomUUID(), phone));
        deliver(BRIDGE_TOKEN, """
                {"deliveryId":"%s","type":"REJECTED","certificateId":null,"phoneNumber":"%s",
                 "language":"en","serviceName":{"en":"Caste Certificate","te":"క","hi":"ज"},"pdfUrl":null,
                 "verifyUrl":null,"reason":"Documents unclear"}""".formatted(UUID.randomUUID(), phone));
        deliver(BRIDGE_TOKEN, """
                {"deliveryId":"%s","type":"HELD","certificateId":"REV-INC-2026-0000010","phoneNumber":"%s",
                 "language":"en","serviceName":{"en":"Income Certificate","te":"ఆ","hi":"आ"},"pdfUrl":null,
                 "verifyUrl":null,"reason":null,"reasonCode":"DOCUMENTS_VERIFICATION"}""".formatted(UUID.randomUUID(), phone));
        deliver(BRIDGE_TOKEN, """
                {"deliveryId":"%s","type":"DELAYED","certificateId":null,"applicationId":"%s","phoneNumber":"%s",
                 "language":"en","serviceName":{"en":"Income Certificate","te":"ఆ","hi":"आ"},"pdfUrl":null,
                 "verifyUrl":null,"reason":null}""".formatted(UUID.randomUUID(), UUID.randomUUID(), phone));
        List<JsonNode> messages = awaitMessages(phone, seen + 4);
        assertThat(bodyText(messages.get(seen))).contains("revoked", "REV-INC-2026-0000009", "it was issued in error");
        assertThat(bodyText(messages.get(seen + 1))).contains("Caste Certificate", "not approved", "Documents unclear");
        assertThat(bodyText(messages.get(seen + 2))).contains("on hold", "REV-INC-2026-0000010",
                "verifying the documents");
        assertThat(bodyText(messages.get(seen + 3))).contains("Income Certificate", "delayed", "do not need to apply again");
    }

    @Test
    void aRejectionsReasonCodeReachesTheCitizenInTheirLanguageWithTheOfficersNote() throws Exception {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:te");
        int seen = awaitMessages(phone, 3).size();
        deliver(BRIDGE_TOKEN, """
                {"deliveryId":"%s","type":"REJECTED","certificateId":null,"applicationId":"%s","phoneNumber":"%s",
                 "reference":"REV-7K3Q-92XM-P","language":"en","serviceName":{"en":"Income Certificate",
                 "te":"ఆదాయ ధృవీకరణ పత్రం","hi":"आय प्रमाण पत्र"},"pdfUrl":null,"verifyUrl":null,
                 "reason":"Attach the income proof","reasonCode":"DOCUMENTS_MISSING"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), phone));
        String text = bodyText(awaitMessages(phone, seen + 1).get(seen));
        assertThat(text).contains("ఆదాయ ధృవీకరణ పత్రం", "అవసరమైన పత్రాలు జత చేయలేదు", "Attach the income proof")
                .doesNotContain("DOCUMENTS_MISSING");
    }

    @Test
    void aNotificationWithoutDeliveryIdOrWithAPlainServiceNameIsRefusedAndNothingIsSent() throws Exception {
        String phone = newPhone();
        say(phone, "hi");
        tap(phone, "lang:en");
        int seen = awaitMessages(phone, 3).size();
        String withoutId = """
                {"type":"REJECTED","certificateId":null,"applicationId":"%s","phoneNumber":"%s","language":"en",
                 "serviceName":{"en":"Caste Certificate"},"pdfUrl":null,"verifyUrl":null,"reason":"Unclear"}"""
                .formatted(UUID.randomUUID(), phone);
        HttpResponse<String> refused = deliver(BRIDGE_TOKEN, withoutId);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("deliveryId is required");
        String plainName = """
                {"deliveryId":"%s","type":"REJECTED","certificateId":null,"applicationId":"%s","phoneNumber":"%s",
                 "language":"en","serviceName":"Caste Certificate","pdfUrl":null,"verifyUrl":null,"reason":"x"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), phone);
        refused = deliver(BRIDGE_TOKEN, plainName);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("serviceName is required");
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> graph.sentTo(phone, 0).size() == seen);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM delivery WHERE phone = ?", Integer.class, phone)).isZero();
    }
}
