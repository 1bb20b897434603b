package org.pramaan.issuer.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.support.BridgeStub;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Notices to the bridge: REJECTED ones, and a deliveryId that is unique per notice and stable per notice. */
class DeliveryNoticeTest extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> INCOME = Map.of("nm", "Rejected Citizen", "ai", "96000",
            "ah", "2341 2341 2346", "pc", "520001");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DeliveryOutbox outbox;

    @Autowired
    Certificates certificates;

    @Test
    void aRejectionIsSentToTheCitizenWithItsReasonOnce() {
        String id = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "te",
                "phoneNumber", "919000000101", "fields", INCOME)).json().get("id").asString();
        assertThat(officer("REV").post("/api/v1/applications/" + id + "/reject",
                Map.of("reason", "Income proof missing")).status()).isEqualTo(200);
        assertThat(officer("REV").post("/api/v1/applications/" + id + "/reject",
                Map.of("reason", "Again")).status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).until(() -> !BRIDGE.accepted(id).isEmpty());
        BridgeStub.Received received = BRIDGE.accepted(id).get(0);
        assertThat(received.path()).isEqualTo("/internal/v1/deliveries");
        assertThat(received.authorization()).isEqualTo("Bearer " + BRIDGE_TOKEN);
        JsonNode notice = JSON.readTree(received.body());
        assertThat(notice.get("type").asString()).isEqualTo("REJECTED");
        assertThat(notice.get("applicationId").asString()).isEqualTo(id);
        assertThat(notice.get("certificateId").isNull()).isTrue();
        assertThat(notice.get("phoneNumber").asString()).isEqualTo("919000000101");
        assertThat(notice.get("language").asString()).isEqualTo("te");
        assertThat(notice.get("reason").asString()).isEqualTo("Income proof missing");
        assertThat(notice.get("serviceName").get("en").asString()).isEqualTo("Income Certificate");
        assertThat(notice.get("serviceName").get("te").asString()).isEqualTo("ఆదాయ ధృవీకరణ పత్రం");
        assertThat(notice.get("pdfUrl").isNull()).isTrue();
        assertThat(notice.get("deliveryId").asString()).isEqualTo(jdbc.sql("SELECT delivery_id::text FROM"
                + " issuer.delivery_outbox WHERE application_id = ?::uuid AND type = 'REJECTED'").param(id)
                .query(String.class).single());
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.delivery_outbox WHERE application_id = ?::uuid")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRejectionThatFailsIsNotAnnounced() {
        String id = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "en",
                "phoneNumber", "919000000102", "fields", INCOME)).json().get("id").asString();
        assertThat(officer("MAUD").post("/api/v1/applications/" + id + "/reject",
                Map.of("reason", "Not ours")).status()).isEqualTo(404);
        assertThat(officer("REV").post("/api/v1/applications/" + id + "/reject", Map.of("reason", " ")).status())
                .isEqualTo(400);
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.delivery_outbox WHERE application_id = ?::uuid")
                .param(id).query(Long.class).single()).isZero();
    }

    @Test
    void everyNoticeHasItsOwnDeliveryIdAndQueuingTwiceKeepsTheFirst() {
        String applicationId = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-RESIDENCE",
                "language", "en", "phoneNumber", "919000000103",
                "fields", Map.of("nm", "Twice Notified", "vi", "Guntur", "yr", "1999"))).json().get("id").asString();
        String certificateId = admin().get("/api/v1/applications/" + applicationId).json().get("certificateId")
                .asString();
        await().atMost(Duration.ofSeconds(20)).until(() -> !BRIDGE.accepted(certificateId).isEmpty());
        String first = deliveryId(certificateId);
        assertThat(JSON.readTree(BRIDGE.accepted(certificateId).get(0).body()).get("deliveryId").asString())
                .isEqualTo(first);

        // The anchoring worker queuing the same notice again (a retried batch) changes nothing.
        var certificate = certificates.find(certificateId).orElseThrow();
        assertThat(outbox.enqueue(certificate, DeliveryOutbox.Type.ISSUED, Instant.now())).isFalse();
        assertThat(deliveryId(certificateId)).isEqualTo(first);
        assertThat(outbox.enqueueRejection(UUID.fromString(applicationId), "REV-RESIDENCE", "919000000103",
                org.pramaan.credential.Language.EN, "OTHER", "test", Instant.now())).isTrue();
        assertThat(outbox.enqueueRejection(UUID.fromString(applicationId), "REV-RESIDENCE", "919000000103",
                org.pramaan.credential.Language.EN, "OTHER", "test", Instant.now())).isFalse();

        List<String> ids = jdbc.sql("SELECT delivery_id::text FROM issuer.delivery_outbox").query(String.class).list();
        assertThat(ids).doesNotHaveDuplicates().allSatisfy(i -> assertThat(UUID.fromString(i)).isNotNull());
        List<String> sent = BRIDGE.received().stream().map(r -> JSON.readTree(r.body()))
                .map(n -> n.get("type").asString() + ":" + n.get("certificateId").asString(null) + ":"
                        + n.get("applicationId").asString(null) + "=" + n.get("deliveryId").asString())
                .distinct().toList();
        // One deliveryId per notice, however often it was sent.
        assertThat(sent.stream().map(s -> s.substring(0, s.indexOf('='))).toList()).doesNotHaveDuplicates();
        assertThat(sent.stream().map(s -> s.substring(s.indexOf('=') + 1)).toList()).doesNotHaveDuplicates();
    }

    private String deliveryId(String certificateId) {
        return jdbc.sql("SELECT delivery_id::text FROM issuer.delivery_outbox WHERE certificate_id = ?"
                + " AND type = 'ISSUED'").param(certificateId).query(String.class).single();
    }
}
