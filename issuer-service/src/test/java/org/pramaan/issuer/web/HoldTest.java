package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.CertificateHistory;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.ledger.Ledger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An officer holds a certificate while the department checks it, releases it, then revokes it: the
 * ledger answers ON_HOLD, VALID, REVOKED in turn and its history keeps every step; the notes stay here.
 */
class HoldTest extends IntegrationTest {

    @Autowired
    LedgerConnections ledgers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void holdReleaseRevokeEachReachTheLedgerInOrder() {
        Answer issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "en", "phoneNumber", "9123456781", "fields",
                Map.of("nm", "Held Person", "ai", "70000", "ah", "2341 2341 2346", "pc", "530002")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().get("id").asString();
        String hash = issued.json().get("claimsHash").asString();
        Ledger ledger = ledgers.forDepartment(DepartmentCode.of("REV"));

        assertThat(officer("MAUD").post("/api/v1/certificates/" + id + "/hold",
                Map.of("code", "UNDER_SCRUTINY")).status()).isEqualTo(404);
        assertThat(officer("REV").post("/api/v1/certificates/" + id + "/hold",
                Map.of("code", "CHECKING")).status()).isEqualTo(400);
        Answer held = officer("REV").post("/api/v1/certificates/" + id + "/hold",
                Map.of("code", "UNDER_SCRUTINY", "note", "Complaint by neighbour Suresh Reddy"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.json().get("holdCode").asString()).isEqualTo("UNDER_SCRUTINY");
        assertThat(officer("REV").post("/api/v1/certificates/" + id + "/hold",
                Map.of("code", "UNDER_SCRUTINY")).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(30)).until(() -> result(ledger, id, hash) == Verification.Result.ON_HOLD);
        await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.accepted(id).stream()
                .anyMatch(r -> r.body().contains("\"HELD\"") && r.body().contains("UNDER_SCRUTINY")
                        && !r.body().contains("Suresh")));

        Answer released = officer("REV").post("/api/v1/certificates/" + id + "/release", Map.of("note", "cleared"));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("holdCode").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> result(ledger, id, hash) == Verification.Result.VALID);

        assertThat(officer("REV").post("/api/v1/certificates/" + id + "/hold",
                Map.of("code", "DOCUMENTS_VERIFICATION")).status()).isEqualTo(200);
        assertThat(officer("REV").post("/api/v1/certificates/" + id + "/revoke",
                Map.of("code", "FRAUD", "reason", "documents forged")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> result(ledger, id, hash) == Verification.Result.REVOKED);

        List<CertificateStatus> steps = new ArrayList<>();
        for (CertificateHistory.Entry e : ledger.history(id).history()) {
            steps.add(0, e.record().status());
        }
        assertThat(steps).containsExactly(CertificateStatus.ACTIVE, CertificateStatus.ON_HOLD, CertificateStatus.ACTIVE,
                CertificateStatus.ON_HOLD, CertificateStatus.REVOKED);
        assertThat(jdbc.sql("SELECT action || ':' || coalesce(code, '') || ':' || coalesce(note, '')"
                        + " FROM issuer.certificate_hold_log WHERE certificate_id = ? ORDER BY id")
                .param(id).query(String.class).list()).containsExactly("HOLD:UNDER_SCRUTINY:Complaint by neighbour Suresh Reddy",
                "RELEASE::cleared", "HOLD:DOCUMENTS_VERIFICATION:");
    }

    private static Verification.Result result(Ledger ledger, String id, String hash) {
        return ledger.verify(id, hash).result();
    }
}
