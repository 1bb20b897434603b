package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.ledger.LedgerConnections;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.network.DevNetwork;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * An officer's revocation note may name the applicant and quote a number (DPDP Act 2023: personal
 * data the department may have to erase). It stays in this service's tables; the ledger, whose
 * world state, history, blocks and events every peer keeps forever, and the citizen's notice, get
 * the reason's code only.
 */
class RevocationNoteTest extends IntegrationTest {

    @Autowired
    LedgerConnections ledger;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theOfficersNoteStaysInTheIssuersTablesAndNeverReachesTheLedger() {
        String name = "Bhanu Prakash Vempati";
        String number = String.valueOf(ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L));
        String note = "Applicant " + name + " used Aadhaar " + number + " of another person";
        String id = issue();

        Answer revoked = officer("REV").post("/api/v1/certificates/" + id + "/revoke",
                Map.of("code", "FRAUD", "reason", note));
        assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
        assertThat(revoked.json().get("revocation").get("reason").asString()).isEqualTo(note);

        await().atMost(Duration.ofSeconds(30)).until(() -> ledger.forDepartment(DepartmentCode.of("REV")).read(id)
                .map(r -> r.status() == CertificateStatus.REVOKED).orElse(false));
        var record = ledger.forDepartment(DepartmentCode.of("REV")).read(id).orElseThrow();
        assertThat(record.revocationReason().code()).isEqualTo(ReasonCode.FRAUD);

        assertThat(jdbc.sql("SELECT revocation_reason FROM issuer.certificate WHERE id = ?").param(id)
                .query(String.class).single()).isEqualTo(note);
        for (String secret : new String[] {name, number, "Aadhaar " + number}) {
            assertThat(devPeerRowsContaining(secret)).as("the ledger holds '%s'", secret).isEmpty();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> BRIDGE.accepted(id).stream()
                .anyMatch(r -> r.body().contains("\"REVOKED\"")));
        String notice = BRIDGE.accepted(id).stream().filter(r -> r.body().contains("\"REVOKED\""))
                .findFirst().orElseThrow().body();
        assertThat(JsonMapper.builder().build().readTree(notice).get("reasonCode").asString()).isEqualTo("FRAUD");
        assertThat(notice).doesNotContain(name).doesNotContain(number);
    }

    private String issue() {
        Answer issued = departmentSystem("REV").post("/api/v1/certificates", Map.of("service", "REV-INCOME",
                "language", "te", "phoneNumber", "9123456780", "fields",
                Map.of("nm", "Note Holder", "ai", "70000", "ah", "2341 2341 2346", "pc", "530002")));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        return issued.json().get("id").asString();
    }

    /** Which of the development peer's tables hold {@code text}'s UTF-8 bytes anywhere in a stored value. */
    private static java.util.List<String> devPeerRowsContaining(String text) {
        JdbcClient peer = JdbcClient.create(DevNetwork.shared().dataSource());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        java.util.List<String> found = new java.util.ArrayList<>();
        for (String[] column : new String[][] {{"state", "state_value"}, {"history", "state_value"},
                {"block", "block_bytes"}, {"chaincode_event", "payload"}}) {
            long rows = peer.sql("SELECT count(*) FROM devpeer." + column[0] + " WHERE position(?::bytea in "
                    + column[1] + ") > 0").param(bytes).query(Long.class).single();
            if (rows > 0) {
                found.add(column[0]);
            }
        }
        return found;
    }
}
