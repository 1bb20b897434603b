package org.pramaan.issuer.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pramaan.issuer.support.ApiClient;
import org.pramaan.issuer.support.BridgeStub;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.service.correlation.Correlation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One correlation id from the bridge's request through anchoring to the delivery notice. */
@ExtendWith(OutputCaptureExtension.class)
class CorrelationTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aWellFormedIdIsEchoedAndAnythingElseIsReplaced() {
        assertThat(anonymous().get("/api/v1/catalog", Correlation.HEADER, "wa-conv:42.a_b-c").header(Correlation.HEADER))
                .isEqualTo("wa-conv:42.a_b-c");

        String forged = anonymous().get("/api/v1/catalog", Correlation.HEADER, "x\" level=ERROR")
                .header(Correlation.HEADER);
        assertThat(forged).isNotBlank().doesNotContain("level");
        assertThat(UUID.fromString(forged)).isNotNull();
        assertThat(anonymous().get("/api/v1/catalog", Correlation.HEADER, "a".repeat(65)).header(Correlation.HEADER))
                .hasSize(36);

        String made = anonymous().get("/api/v1/catalog").header(Correlation.HEADER);
        assertThat(UUID.fromString(made)).isNotNull();
        assertThat(anonymous().get("/api/v1/catalog").header(Correlation.HEADER)).isNotEqualTo(made);
    }

    @Test
    void aRefusedRequestStillAnswersWithItsId() {
        ApiClient stranger = ApiClient.basic(port, "nobody", "wrong");
        var answer = stranger.post("/api/v1/applications", Map.of("serviceCode", "REV-RESIDENCE"),
                Correlation.HEADER, "refused-1");
        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header(Correlation.HEADER)).isEqualTo("refused-1");
    }

    @Test
    void anApplicationsIdFollowsItToTheLedgerAndTheDeliveryNotice(CapturedOutput output) {
        String correlation = "corr-" + UUID.randomUUID();
        var submitted = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-RESIDENCE",
                "language", "en", "phoneNumber", "919000000301",
                "fields", Map.of("nm", "Traced Citizen", "vi", "Guntur", "yr", "1999")), Correlation.HEADER, correlation);
        assertThat(submitted.status()).isEqualTo(201);
        assertThat(submitted.header(Correlation.HEADER)).isEqualTo(correlation);
        String applicationId = submitted.json().get("id").asString();
        String certificateId = admin().get("/api/v1/applications/" + applicationId).json().get("certificateId")
                .asString();
        assertThat(jdbc.sql("SELECT correlation_id FROM issuer.certificate WHERE id = ?").param(certificateId)
                .query(String.class).single()).isEqualTo(correlation);

        await().atMost(Duration.ofSeconds(20)).until(() -> !BRIDGE.accepted(certificateId).isEmpty());
        List<BridgeStub.Received> notices = BRIDGE.accepted(certificateId);
        assertThat(notices).extracting(BridgeStub.Received::correlationId).containsOnly(correlation);

        await().atMost(Duration.ofSeconds(10)).until(() -> linesWith(output, "delivery ").stream()
                .anyMatch(l -> l.contains(certificateId)));
        assertThat(linesWith(output, "certificate " + certificateId + " anchored in transaction"))
                .singleElement().asString().contains(correlation);
        assertThat(linesWith(output, "application " + applicationId + " submitted"))
                .singleElement().asString().contains(correlation);
        assertThat(linesWith(output, "accepted by the bridge").stream().filter(l -> l.contains(certificateId)))
                .singleElement().asString().contains(correlation);
    }

    @Test
    void aRejectionNoticeCarriesItsApplicationsId() {
        String correlation = "rejected-" + UUID.randomUUID();
        String id = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-INCOME", "language", "en",
                        "phoneNumber", "919000000302", "fields", Map.of("nm", "Traced Rejection", "ai", "96000",
                                "ah", "2341 2341 2346", "pc", "520001")), Correlation.HEADER, correlation)
                .json().get("id").asString();
        // The officer's request has an id of its own; the notice keeps the application's.
        assertThat(officer("REV").post("/api/v1/applications/" + id + "/reject",
                Map.of("reason", "Income proof missing"), Correlation.HEADER, "officer-click").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> !BRIDGE.accepted(id).isEmpty());
        assertThat(BRIDGE.accepted(id)).extracting(BridgeStub.Received::correlationId).containsOnly(correlation);
    }

    /** Lines (plain text or, with LOG_FORMAT set, JSON) mentioning {@code text}. */
    private static List<String> linesWith(CapturedOutput output, String text) {
        return output.getAll().lines().filter(l -> l.contains(text)).toList();
    }
}
