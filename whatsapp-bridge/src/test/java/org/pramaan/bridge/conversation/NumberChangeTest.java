package org.pramaan.bridge.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A citizen changes their WhatsApp number half-way through a form: everything of theirs follows them, and the
 * person who gets the old number next sees none of it.
 */
class NumberChangeTest extends BridgeIntegrationTest {

    private void changeNumber(String from, String to) {
        ObjectNode message = WebhookPayloads.message(from, null, wamid(), Instant.now(), "system");
        message.putObject("system").put("body", "User Ramesh changed from " + from + " to " + to)
                .put("wa_id", to).put("type", "user_changed_number");
        // System messages carry no contacts array.
        assertThat(postSigned(WebhookPayloads.envelope(PHONE_NUMBER_ID, null, null, message)).statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM number_change WHERE old_id = ? AND new_id = ?", Integer.class, from, to) == 1);
    }

    private int deliver(String applicationId, String phone, String certificateId) throws Exception {
        String body = """
                {"deliveryId":"%s","type":"ISSUED","certificateId":"%s","applicationId":"%s","phoneNumber":"%s",
                 "language":"en","serviceName":{"en":"Birth Certificate","te":"జనన ధృవీకరణ పత్రం",
                 "hi":"जन्म प्रमाण पत्र"},"pdfUrl":"%s/api/v1/certificates/%s/pdf","verifyUrl":"HTTPS://V/C/A",
                 "reason":null}""".formatted(UUID.randomUUID(), certificateId, applicationId, phone,
                ISSUER.baseUrl(), certificateId);
        return http.send(HttpRequest.newBuilder(URI.create(url("/internal/v1/deliveries")))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + BRIDGE_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void theCitizenKeepsLanguageFormApplicationsAndCertificatesAndTheOldNumberKeepsNothing() throws Exception {
        String oldPhone = newPhone();
        String newPhone = newPhone();
        say(oldPhone, "hi");
        tap(oldPhone, "lang:en");
        int seen = awaitMessages(oldPhone, 3).size();
        // An application submitted from the old number...
        tap(oldPhone, "start:MAUD-BIRTH");
        say(oldPhone, "Lakshmi Devi");
        tap(oldPhone, "form:submit");
        seen += 3;
        assertThat(bodyText(next(oldPhone, seen - 1))).contains("is submitted");
        String applicationId = ISSUER.submissions.stream()
                .filter(s -> s.path("phoneNumber").asString().equals(oldPhone)).findFirst().orElseThrow()
                .path("id").asString();
        // ...a certificate issued to it earlier, and a form half filled in.
        ISSUER.certificates.put(oldPhone, List.of(Map.of("id", "REV-INC-2026-0000901", "serviceCode", "REV-INCOME",
                "status", "ACTIVE", "issuedAt", "2026-11-01T00:00:00Z", "validUntil", "2027-11-01T00:00:00Z")));
        tap(oldPhone, "start:REV-INCOME");
        assertThat(bodyText(next(oldPhone, seen++))).contains("Question 1 of 4");
        // A message that waits for the window (as if it had closed) must follow the person, not the number.
        jdbc.update("INSERT INTO outbox (citizen_id, recipient, kind, payload, state) VALUES (?, ?, 'text', ?, "
                + "'WAITING_WINDOW')", oldPhone, oldPhone, "{\"type\":\"text\",\"text\":{\"body\":\"held for you\"}}");

        changeNumber(oldPhone, newPhone);

        assertThat(jdbc.queryForObject("SELECT count(*) FROM outbox WHERE citizen_id = ? AND state IN "
                + "('PENDING', 'WAITING_WINDOW')", Integer.class, oldPhone)).as("nothing unsent is left for the old "
                + "number").isZero();
        say(newPhone, "Kondapalli Ramesh");
        List<JsonNode> atNew = awaitMessages(newPhone, 2);
        assertThat(atNew).map(BridgeIntegrationTest::bodyText).anyMatch(t -> t.contains("held for you"))
                .anyMatch(t -> t.contains("Question 2 of 4")).noneMatch(t -> t.contains("Choose your language"));
        int atNewSeen = atNew.size();
        say(newPhone, "cancel");
        atNewSeen = awaitMessages(newPhone, atNewSeen + 1).size();
        say(newPhone, "status");
        assertThat(bodyText(next(newPhone, atNewSeen++))).contains("Birth Certificate");
        tap(newPhone, "menu:certs");
        assertThat(choices(next(newPhone, atNewSeen++))).containsExactly("cert:REV-INC-2026-0000901");

        // The notice about the application made from the old number reaches the person at the new one.
        int oldSeen = graph.sentTo(oldPhone, 0).size();
        assertThat(deliver(applicationId, oldPhone, "MAUD-BRT-2026-0000902")).isEqualTo(202);
        List<JsonNode> delivered = awaitMessages(newPhone, atNewSeen + 2);
        assertThat(delivered.get(atNewSeen + 1).path("document").path("filename").asString())
                .isEqualTo("MAUD-BRT-2026-0000902.pdf");

        // Whoever writes from the old number next is a stranger: asked for a language, shown no records.
        say(oldPhone, "hi");
        JsonNode greeting = next(oldPhone, oldSeen);
        assertThat(choices(greeting)).containsExactly("lang:te", "lang:en", "lang:hi");
        tap(oldPhone, "lang:en");
        int strangerSeen = awaitMessages(oldPhone, oldSeen + 3).size();
        say(oldPhone, "status");
        assertThat(bodyText(next(oldPhone, strangerSeen++))).contains("no applications");
        tap(oldPhone, "menu:certs");
        assertThat(bodyText(next(oldPhone, strangerSeen))).contains("no certificates");
        // An application the citizen made at a counter (not in the chat) under the old number, before the change:
        // its certificate is theirs, even now that someone else writes from that number.
        String counterApplication = UUID.randomUUID().toString();
        ISSUER.submissions.add(tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
                .put("id", counterApplication).put("phoneNumber", oldPhone).put("serviceCode", "REV-INCOME")
                .put("submittedAt", Instant.now().minusSeconds(3600).toString()));
        int newSeen = graph.sentTo(newPhone, 0).size();
        assertThat(deliver(counterApplication, oldPhone, "REV-INC-2026-0000903")).isEqualTo(202);
        assertThat(awaitMessages(newPhone, newSeen + 2).get(newSeen + 1).path("document").path("filename")
                .asString()).isEqualTo("REV-INC-2026-0000903.pdf");
        assertThat(graph.sentTo(oldPhone, 0)).map(s -> s.body().path("type").asString())
                .as("no document ever went to the old number").doesNotContain("document");
    }
}
