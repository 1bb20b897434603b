package org.pramaan.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.support.BridgeIntegrationTest;

class WebhookIntegrationTest extends BridgeIntegrationTest {

    private HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url("/webhook?" + query))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Integer stored(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_key = ?", Integer.class, key);
    }

    @Test
    void handshakeEchoesTheChallengeOnlyForTheRightToken() throws Exception {
        HttpResponse<String> ok = get("hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1158201444");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(get("hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").statusCode()).isEqualTo(403);
        assertThat(get("hub.mode=unsubscribe&hub.verify_token=" + VERIFY_TOKEN + "&hub.challenge=1").statusCode())
                .isEqualTo(403);
    }

    @Test
    void missingOrWrongSignatureIsRefusedAndNothingIsStored() {
        String phone = newPhone();
        String id = wamid();
        byte[] body = WebhookPayloads.envelope(PHONE_NUMBER_ID, phone, "X",
                WebhookPayloads.text(phone, id, Instant.now(), "hi")).getBytes(StandardCharsets.UTF_8);
        assertThat(postWebhook(body, null).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, "sha256=" + "0".repeat(64)).statusCode()).isEqualTo(401);
        assertThat(postWebhook(body, new WebhookSignature("not-the-secret").sign(body)).statusCode()).isEqualTo(401);
        assertThat(stored(id)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM citizen WHERE id = ?", Integer.class, phone)).isZero();
    }

    @Test
    void signatureIsCheckedOverTheRawBytesOfNonAsciiText() {
        String phone = newPhone();
        String id = wamid();
        // Telugu and "@" exactly as sent: the HMAC must be over these bytes, not re-serialised JSON
        assertThat(postSigned(WebhookPayloads.envelope(PHONE_NUMBER_ID, phone, "రమేశ్",
                WebhookPayloads.text(phone, id, Instant.now(), "నమస్కారం @ ప్రమాణ్"))).statusCode()).isEqualTo(200);
        assertThat(stored(id)).isEqualTo(1);
    }

    @Test
    void bodiesOverThreeMegabytesAreRefused() {
        byte[] body = new byte[3 * 1024 * 1024 + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        assertThat(postWebhook(body, new WebhookSignature(APP_SECRET).sign(body)).statusCode()).isEqualTo(413);
    }

    @Test
    void duplicatesAreStoredAndProcessedOnce() {
        String phone = newPhone();
        String id = wamid();
        String payload = WebhookPayloads.envelope(PHONE_NUMBER_ID, phone, "X", WebhookPayloads.text(phone, id,
                Instant.now(), "hi"));
        for (int i = 0; i < 5; i++) {
            assertThat(postSigned(payload).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE event_key = ? AND processed_at IS NOT NULL", Integer.class, id) == 1);
        assertThat(stored(id)).isEqualTo(1);
        // one language question, and exactly one read receipt for the message
        awaitMessages(phone, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> graph.readReceipts().contains(id));
        assertThat(graph.readReceipts().stream().filter(id::equals)).hasSize(1);
        assertThat(graph.sentTo(phone, 0)).hasSize(1);
    }

    @Test
    void signedButMalformedNotificationsAreRefusedWithTheReason() {
        HttpResponse<String> response = postSigned("{\"object\":\"whatsapp_business_account\",\"entry\":\"x\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("entry");
    }
}
