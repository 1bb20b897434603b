package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.chaincode.testing.Fixtures.batch;
import static org.pramaan.chaincode.testing.Fixtures.entry;
import static org.pramaan.chaincode.testing.Fixtures.hash;
import static org.pramaan.chaincode.testing.Fixtures.newId;
import static org.pramaan.chaincode.testing.Fixtures.parse;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.chaincode.testing.ContractHarness;
import org.pramaan.chaincode.testing.Fixtures;
import org.pramaan.chaincode.testing.Session;
import org.pramaan.chaincode.testing.TestIdentity;
import org.pramaan.contract.core.ErrorCode;

/** A department holds a certificate while it checks it, then releases or revokes it; history keeps each step. */
class HoldAndReleaseTest {

    private ContractHarness harness;
    private Session rev;
    private Session bank;
    private String id;

    @BeforeEach
    void setUp() {
        harness = new ContractHarness();
        Fixtures.Signer signer = Fixtures.registerDepartment(harness, "REV");
        rev = harness.as(TestIdentity.issuer("REV"));
        bank = harness.as(TestIdentity.withAttributes("bank", "AuditMSP", null));
        id = newId("REV", "INC");
        rev.issueCertificates(batch(entry(id, hash("claims"), signer.kid())));
    }

    @Test
    void holdReleaseAndRevokeEachShowInVerificationAndHistory() {
        harness.advance(Duration.ofHours(1));
        JsonNode held = parse(rev.holdCertificate(id, "UNDER_SCRUTINY"));
        assertThat(held.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(held.get("holdCode").asText()).isEqualTo("UNDER_SCRUTINY");
        assertThat(held.get("heldAt").asText()).isEqualTo(harness.now().toString());
        assertThat(harness.lastEvent().orElseThrow().payloadText()).isEqualTo("{\"id\":\"" + id
                + "\",\"department\":\"REV\",\"holdCode\":\"UNDER_SCRUTINY\",\"heldAt\":\"" + harness.now() + "\"}");
        assertThat(result()).isEqualTo("ON_HOLD");

        harness.advance(Duration.ofHours(1));
        JsonNode released = parse(rev.releaseCertificate(id));
        assertThat(released.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(released.has("holdCode")).isFalse();
        assertThat(harness.lastEvent().orElseThrow().name()).isEqualTo("CertificateReleased");
        assertThat(result()).isEqualTo("VALID");

        rev.holdCertificate(id, "DOCUMENTS_VERIFICATION");
        harness.advance(Duration.ofHours(1));
        JsonNode revoked = parse(rev.revokeCertificate(id, "FRAUD"));
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.has("heldAt")).isFalse();
        assertThat(result()).isEqualTo("REVOKED");

        List<String> steps = new ArrayList<>();
        parse(bank.certificateHistory(id)).get("history")
                .forEach(e -> steps.add(0, e.get("record").get("status").asText()));
        assertThat(steps).containsExactly("ACTIVE", "ON_HOLD", "ACTIVE", "ON_HOLD", "REVOKED");
    }

    @Test
    void repeatsChangeNothingAndConflictsAreRefused() {
        rev.holdCertificate(id, "UNDER_SCRUTINY");
        Map<String, String> state = harness.stateAsText();
        rev.holdCertificate(id, "UNDER_SCRUTINY");
        assertThat(harness.stateAsText()).isEqualTo(state);
        assertThat(harness.lastEvent()).isEmpty();
        harness.refused(ErrorCode.CONFLICT, () -> rev.holdCertificate(id, "DOCUMENTS_VERIFICATION"));

        rev.releaseCertificate(id);
        state = harness.stateAsText();
        rev.releaseCertificate(id);
        assertThat(harness.stateAsText()).isEqualTo(state);

        rev.revokeCertificate(id, "ISSUED_IN_ERROR");
        harness.refused(ErrorCode.CONFLICT, () -> rev.holdCertificate(id, "UNDER_SCRUTINY"));
        harness.refused(ErrorCode.CONFLICT, () -> rev.releaseCertificate(id));
    }

    @Test
    void onlyTheDepartmentsIssuerHoldsWithAKnownCode() {
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.holdCertificate(id, "checking with Ravi Kumar"));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.holdCertificate(id, "under_scrutiny"));
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(TestIdentity.issuer("HLT")).holdCertificate(id,
                "UNDER_SCRUTINY"));
        harness.refused(ErrorCode.FORBIDDEN, () -> bank.holdCertificate(id, "UNDER_SCRUTINY"));
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(TestIdentity.admin()).releaseCertificate(id));
        harness.refused(ErrorCode.NOT_FOUND, () -> rev.holdCertificate(newId("REV", "INC"), "UNDER_SCRUTINY"));
    }

    private String result() {
        return parse(bank.verifyCertificate(id, hash("claims"))).get("result").asText();
    }
}
