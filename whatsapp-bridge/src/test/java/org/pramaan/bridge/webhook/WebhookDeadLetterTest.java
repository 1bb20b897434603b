package org.pramaan.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * The review's poisoned notifications, signed as Meta signs them: one POST holds a good message and ones the bridge
 * cannot store (absurd timestamps, a 3,500-character id). The POST is acknowledged, the good message is handled,
 * the bad ones are set aside where an operator can see them.
 */
class WebhookDeadLetterTest extends BridgeIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private Integer stored(String key) {
        return jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_key = ?", Integer.class, key);
    }

    @Test
    void aSignedNotificationWithUnstorableEventsIsAcknowledgedAndTheRestProcessed() throws Exception {
        String phone = newPhone();
        String good = wamid();
        String longId = "wamid." + "A".repeat(3_500);
        ObjectNode farFuture = WebhookPayloads.text(phone, wamid(), Instant.now(), "one");
        farFuture.put("timestamp", "99999999999999999");
        ObjectNode tenToThirteen = WebhookPayloads.text(phone, wamid(), Instant.now(), "two");
        tenToThirteen.put("timestamp", "10000000000000");
        ObjectNode hugeId = WebhookPayloads.text(phone, longId, Instant.now(), "three");
        ObjectNode fine = WebhookPayloads.text(phone, good, Instant.now(), "hi");
        double before = meters.counter("bridge.webhook.dead_letters").count();

        HttpResponse<String> response = postSigned(WebhookPayloads.envelope(PHONE_NUMBER_ID, phone, "Ramesh",
                farFuture, tenToThirteen, hugeId, fine));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(stored(good)).isEqualTo(1);
        awaitMessages(phone, 1); // the good message was processed: the language question came back
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letter WHERE raw LIKE ?", Integer.class,
                "%" + "A".repeat(3_500) + "%")).isEqualTo(1);
        assertThat(meters.counter("bridge.webhook.dead_letters").count()).isGreaterThanOrEqualTo(before + 1);

        HttpResponse<String> view = http.send(HttpRequest.newBuilder(URI.create(url("/internal/v1/dead-letters")))
                .header("Authorization", "Bearer " + BRIDGE_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(view.statusCode()).isEqualTo(200);
        assertThat(view.body()).contains("ID_TOO_LONG");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create(url("/internal/v1/dead-letters")))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void absurdTimestampsDoNotJumpTheInboxQueue() {
        String phone = newPhone();
        Instant before = Instant.now().minusSeconds(5);
        List<String> ids = List.of(wamid(), wamid(), wamid());
        ObjectNode[] messages = new ObjectNode[3];
        String[] stamps = {"99999999999999999", "10000000000000", "1"};
        for (int i = 0; i < 3; i++) {
            messages[i] = WebhookPayloads.text(phone, ids.get(i), Instant.now(), "m" + i);
            messages[i].put("timestamp", stamps[i]);
        }
        assertThat(postSigned(WebhookPayloads.envelope(PHONE_NUMBER_ID, phone, "Ramesh", messages)).statusCode())
                .isEqualTo(200);
        for (String id : ids) {
            Instant eventTime = jdbc.queryForObject("SELECT event_time FROM inbox WHERE event_key = ?",
                    java.sql.Timestamp.class, id).toInstant();
            assertThat(eventTime).isBetween(before, Instant.now().plusSeconds(5));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM inbox WHERE citizen_id = ? AND processed_at IS NOT NULL", Integer.class, phone) == 3);
    }
}
