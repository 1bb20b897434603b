package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/** A department system issues directly, then revokes; the ledger records it and the citizen hears of it. */
class RevocationTest extends IntegrationTest {

    @Autowired
    LedgerConnections ledger;

    @Test
    void revocationIsRecordedOnTheLedgerAndNotified() {
        Answer issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "te", "phoneNumber", "9123456789", "fields",
                Map.of("nm", "Revoked Person", "ai", "70000", "ah", "2341 2341 2346", "pc", "530002")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        String id = issued.json().get("id").asString();
        assertThat(issued.json().get("applicationId").isNull()).isTrue();
        // Announced once on the ledger with its PDF; revoked after that, the citizen hears of both.
        await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.accepted(id).stream()
                .anyMatch(r -> r.body().contains("\"ISSUED\"")));

        Answer wrongCode = departmentSystem("REV").post("/api/v1/certificates/" + id + "/revoke",
                Map.of("code", "BECAUSE", "reason", "x"));
        assertThat(wrongCode.status()).isEqualTo(400);
        assertThat(officer("MAUD").post("/api/v1/certificates/" + id + "/revoke",
                Map.of("code", "FRAUD", "reason", "x")).status()).isEqualTo(404);

        Answer revoked = officer("REV").post("/api/v1/certificates/" + id + "/revoke",
                Map.of("code", "ISSUED_IN_ERROR", "reason", "Wrong income figure entered"));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
        assertThat(officer("REV").post("/api/v1/certificates/" + id + "/revoke",
                Map.of("code", "FRAUD", "reason", "again")).status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.forDepartment(DepartmentCode.of("REV")).read(id)
                .map(r -> r.status() == CertificateStatus.REVOKED).orElse(false));
        await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.accepted(id).stream()
                .anyMatch(r -> r.body().contains("\"REVOKED\"")));
        var mapper = tools.jackson.databind.json.JsonMapper.builder().build();
        var notice = mapper.readTree(BRIDGE.accepted(id).stream().filter(r -> r.body().contains("\"REVOKED\""))
                .findFirst().orElseThrow().body());
        assertThat(notice.get("reasonCode").asString()).isEqualTo("ISSUED_IN_ERROR");
        assertThat(notice.get("reason").isNull()).as("the officer's note stays with the department").isTrue();
        assertThat(notice.get("certificateId").asString()).isEqualTo(id);
        assertThat(notice.get("applicationId").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.accepted(id).stream()
                .anyMatch(r -> r.body().contains("\"ISSUED\"")));
        var issuedNotice = mapper.readTree(BRIDGE.accepted(id).stream().filter(r -> r.body().contains("\"ISSUED\""))
                .findFirst().orElseThrow().body());
        assertThat(issuedNotice.get("deliveryId").asString()).as("each notification has its own deliveryId")
                .isNotEqualTo(notice.get("deliveryId").asString());
        assertThat(departmentSystem("REV").get("/api/v1/certificates/" + id).json().get("ledger").isObject()).isTrue();
    }

    @Test
    void aDepartmentSystemIssuesOnlyForItsOwnDepartment() {
        assertThat(bridge().post("/api/v1/certificates", Map.of("service", "REV-INCOME", "language", "en",
                "phoneNumber", "9123456789", "fields", Map.of("nm", "X Y"))).status()).isEqualTo(403);
        Answer bad = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "en", "phoneNumber", "12", "fields", Map.of("nm", "X Y")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").toString()).contains("phoneNumber");
    }
}
