package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.chaincode.testing.Fixtures.batch;
import static org.pramaan.chaincode.testing.Fixtures.entry;
import static org.pramaan.chaincode.testing.Fixtures.hash;
import static org.pramaan.chaincode.testing.Fixtures.newId;
import static org.pramaan.chaincode.testing.Fixtures.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.chaincode.testing.ContractHarness;
import org.pramaan.chaincode.testing.Fixtures;
import org.pramaan.chaincode.testing.Fixtures.Signer;
import org.pramaan.chaincode.testing.Session;
import org.pramaan.chaincode.testing.TestIdentity;

class RevokeAndVerifyTest {

    private ContractHarness harness;
    private Session rev;
    private Session verifier;
    private String id;
    private String issuedIn;

    @BeforeEach
    void setUp() {
        harness = new ContractHarness();
        Signer signer = Fixtures.registerDepartment(harness, "REV");
        rev = harness.as(TestIdentity.issuer("REV"));
        verifier = harness.as(TestIdentity.withAttributes("bank", "AuditMSP", null));
        id = newId("REV", "INC");
        rev.issueCertificates(batch(entry(id, hash("claims"), signer.kid())));
        issuedIn = harness.lastTxId();
    }

    @Test
    void aRevocationRecordsCodeAndTimeAndIsAnnounced() {
        harness.advance(Duration.ofDays(3));

        JsonNode record = parse(rev.revokeCertificate(id, "ISSUED_IN_ERROR"));

        assertThat(record.get("status").asText()).isEqualTo("REVOKED");
        assertThat(record.get("revokedAt").asText()).isEqualTo(harness.now().toString());
        assertThat(record.get("revocationReason").toString())
                .isEqualTo("{\"code\":\"ISSUED_IN_ERROR\"}");
        assertThat(harness.lastEvent().orElseThrow().name()).isEqualTo("CertificateRevoked");
        assertThat(harness.lastEvent().orElseThrow().payloadText()).isEqualTo("{\"id\":\"" + id
                + "\",\"department\":\"REV\",\"status\":\"REVOKED\",\"reasonCode\":\"ISSUED_IN_ERROR\",\"revokedAt\":\""
                + harness.now() + "\"}");
    }

    @Test
    void supersedingMarksTheCertificateSuperseded() {
        JsonNode record = parse(rev.revokeCertificate(id, "SUPERSEDED"));
        assertThat(record.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(parse(verifier.verifyCertificate(id, hash("claims"))).get("result").asText()).isEqualTo("REVOKED");
    }

    @Test
    void repeatingARevocationWithTheSameCodeChangesNothingAndAnotherCodeConflicts() {
        rev.revokeCertificate(id, "FRAUD");
        Map<String, String> state = harness.stateAsText();
        harness.advance(Duration.ofMinutes(1));

        rev.revokeCertificate(id, "FRAUD");
        assertThat(harness.stateAsText()).isEqualTo(state);
        assertThat(harness.lastEvent()).isEmpty();

        assertThat(harness.refused(ErrorCode.CONFLICT, () -> rev.revokeCertificate(id, "COURT_ORDER"))
                .getMessage()).contains("already revoked for FRAUD");
    }

    @Test
    void revocationArgumentsAreChecked() {
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.revokeCertificate(id, "LOST"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.revokeCertificate(id, "fraud"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.revokeCertificate(id, ""));
        harness.refused(ErrorCode.INVALID_ARGUMENT,
                () -> rev.revokeCertificate(id, "forged by Ravi Kumar, Aadhaar 1234 5678 9012"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.revokeCertificate(id.toLowerCase(), "FRAUD"));
        harness.refused(ErrorCode.NOT_FOUND, () -> rev.revokeCertificate(newId("REV", "INC"), "FRAUD"));
    }

    @Test
    void verificationAnswersValidRevokedExpiredMismatchAndNotFound() {
        JsonNode valid = parse(verifier.verifyCertificate(id, hash("claims")));
        assertThat(valid.get("result").asText()).isEqualTo("VALID");
        assertThat(valid.get("checkedAt").asText()).isEqualTo(harness.now().toString());
        assertThat(valid.get("certificate").get("id").asText()).isEqualTo(id);

        JsonNode mismatch = parse(verifier.verifyCertificate(id, hash("edited claims")));
        assertThat(mismatch.get("result").asText()).isEqualTo("HASH_MISMATCH");

        String unknown = newId("REV", "INC");
        JsonNode notFound = parse(verifier.verifyCertificate(unknown, hash("claims")));
        assertThat(notFound.get("result").asText()).isEqualTo("NOT_FOUND");
        assertThat(notFound.has("certificate")).isFalse();

        harness.setTime(Fixtures.VALID_UNTIL);
        assertThat(parse(verifier.verifyCertificate(id, hash("claims"))).get("result").asText()).isEqualTo("EXPIRED");

        harness.setTime(Instant.parse("2026-04-01T00:00:00Z"));
        rev.revokeCertificate(id, "DATA_CORRECTED");
        assertThat(parse(verifier.verifyCertificate(id, hash("claims"))).get("result").asText()).isEqualTo("REVOKED");
        assertThat(parse(verifier.verifyCertificate(id, hash("edited"))).get("result").asText())
                .isEqualTo("HASH_MISMATCH");
    }

    @Test
    void verificationRefusesMalformedInput() {
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> verifier.verifyCertificate(id, "abc"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> verifier.verifyCertificate("REV-INC-2026", hash("claims")));
        harness.refused(ErrorCode.NOT_FOUND, () -> verifier.readCertificate(newId("REV", "INC")));
    }

    @Test
    void historyListsEveryWriteNewestFirstWithTransactionAndTime() {
        Instant issuedAt = harness.now();
        harness.advance(Duration.ofDays(10));
        rev.revokeCertificate(id, "COURT_ORDER");
        String revokedIn = harness.lastTxId();

        JsonNode history = parse(verifier.certificateHistory(id));

        assertThat(history.get("id").asText()).isEqualTo(id);
        JsonNode entries = history.get("history");
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).get("txId").asText()).isEqualTo(revokedIn);
        assertThat(entries.get(0).get("timestamp").asText()).isEqualTo(harness.now().toString());
        assertThat(entries.get(0).get("deleted").asBoolean()).isFalse();
        assertThat(entries.get(0).get("record").get("status").asText()).isEqualTo("REVOKED");
        assertThat(entries.get(1).get("txId").asText()).isEqualTo(issuedIn);
        assertThat(entries.get(1).get("timestamp").asText()).isEqualTo(issuedAt.toString());
        assertThat(entries.get(1).get("record").get("status").asText()).isEqualTo("ACTIVE");

        harness.refused(ErrorCode.NOT_FOUND, () -> verifier.certificateHistory(newId("REV", "INC")));
    }
}
