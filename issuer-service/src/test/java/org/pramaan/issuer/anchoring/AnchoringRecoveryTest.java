package org.pramaan.issuer.anchoring;

import org.pramaan.issuer.ledger.LedgerConnections;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.ledger.Committed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Anchoring survives a ledger outage and a crash between the ledger's commit and ours. */
class AnchoringRecoveryTest extends IntegrationTest {

    @Autowired
    LedgerConnections realLedgers;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void ledgerBack() {
        ledgers.available(true);
    }

    @Test
    void aLedgerOutageQueuesCertificatesAndDrainsThemWhenItIsBack() {
        ledgers.available(false);
        List<String> ids = List.of(issue("Outage One"), issue("Outage Two"), issue("Outage Three"));
        await().atMost(Duration.ofSeconds(20)).until(() -> failedAttempts(ids.get(0)) >= 2);
        ids.forEach(id -> assertThat(status(id).get("status").asString()).isEqualTo("ISSUED"));

        ledgers.available(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> anchored(id)));
        assertThat(jdbc.sql("SELECT count(*) FROM issuer.anchor_outbox WHERE certificate_id IN (?, ?, ?)")
                .params(ids.get(0), ids.get(1), ids.get(2)).query(Long.class).single()).isZero();
        ids.forEach(id -> assertThat(realLedgers.forDepartment(org.pramaan.contract.id.DepartmentCode.of("REV"))
                .read(id)).isPresent());
    }

    @Test
    void aBatchTheLedgerCommittedBeforeACrashIsNotAnchoredTwice() {
        ledgers.available(false);
        String id = issue("Crash Survivor");
        JsonNode c = status(id);
        // What the worker had sent when the process died: the ledger committed, our database did not.
        Committed<IssueOutcome> first = realLedgers.forDepartment(org.pramaan.contract.id.DepartmentCode.of("REV"))
                .issue(List.of(new CertificateRequest(CertificateId.of(id), DepartmentCode.of("REV"), c.get("type").asString(),
                        ClaimsHash.of(c.get("claimsHash").asString()), KeyId.of(c.get("kid").asString()),
                        Instant.parse(c.get("expiresAt").asString()))));
        assertThat(first.value().issued()).extracting(CertificateId::value).containsExactly(id);

        ledgers.available(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> anchored(id));
        assertThat(status(id).get("ledger").get("transactionId").asString()).isEqualTo(first.transactionId());
        assertThat(realLedgers.forDepartment(org.pramaan.contract.id.DepartmentCode.of("REV")).history(id).history())
                .as("one ledger write for the certificate").hasSize(1);
    }

    @Test
    void aCertificateTheLedgerRefusesDoesNotHoldBackTheRestOfItsBatch() {
        ledgers.available(false);
        List<String> ids = List.of(issue("Batch Good One"), issue("Batch Poison"), issue("Batch Good Two"));
        // A signer key the ledger does not know: the contract refuses this certificate whatever the retry.
        jdbc.sql("UPDATE issuer.certificate SET kid = '00000000000000aa' WHERE id = ?").param(ids.get(1)).update();
        ledgers.available(true);
        await().atMost(Duration.ofSeconds(30)).until(() -> anchored(ids.get(0)) && anchored(ids.get(2)));
        assertThat(anchored(ids.get(1))).isFalse();
        assertThat(jdbc.sql("SELECT last_error FROM issuer.anchor_outbox WHERE certificate_id = ?").param(ids.get(1))
                .query(String.class).single()).isNotBlank();
        jdbc.sql("DELETE FROM issuer.anchor_outbox WHERE certificate_id = ?").param(ids.get(1)).update();
    }

    @Test
    void theBridgeIsNotifiedAtLeastOnceDespiteFailures() {
        BRIDGE.down(true);
        String id;
        try {
            id = issue("Retry Person");
            await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.received().stream()
                    .filter(r -> r.body().contains(id) && r.answeredWith() == 503).count() >= 3);
        } finally {
            BRIDGE.down(false);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !BRIDGE.accepted(id).isEmpty());
        // The bridge's 202 reaches the stub before the worker records it: wait for the record, then count.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT delivered_at IS NOT NULL"
                + " FROM issuer.delivery_outbox WHERE certificate_id = ?").param(id).query(Boolean.class).single());
        assertThat(jdbc.sql("SELECT attempts FROM issuer.delivery_outbox WHERE certificate_id = ?").param(id)
                .query(Integer.class).single()).isGreaterThanOrEqualTo(2);
        // Every attempt carried the same deliveryId, the outbox row's: the bridge drops the repeats by it.
        String rowId = jdbc.sql("SELECT delivery_id::text FROM issuer.delivery_outbox WHERE certificate_id = ?"
                + " AND type = 'ISSUED'").param(id).query(String.class).single();
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        List<String> sent = BRIDGE.received().stream().filter(r -> r.body().contains(id))
                .map(r -> mapper.readTree(r.body()).get("deliveryId").asString()).distinct().toList();
        assertThat(sent).containsExactly(rowId);
    }

    private String issue(String name) {
        var answer = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "en", "phoneNumber", "919876543210", "fields",
                Map.of("nm", name, "ai", "50000", "ah", "2341 2341 2346", "pc", "530001")));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().get("id").asString();
    }

    private JsonNode status(String id) {
        return departmentSystem("REV").get("/api/v1/certificates/" + id).json();
    }

    private boolean anchored(String id) {
        return "ANCHORED".equals(status(id).get("status").asString());
    }

    private int failedAttempts(String id) {
        return jdbc.sql("SELECT attempts FROM issuer.anchor_outbox WHERE certificate_id = ?").param(id)
                .query(Integer.class).optional().orElse(0);
    }
}
