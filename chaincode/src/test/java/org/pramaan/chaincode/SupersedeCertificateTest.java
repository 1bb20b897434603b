package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.chaincode.testing.Fixtures.batch;
import static org.pramaan.chaincode.testing.Fixtures.entry;
import static org.pramaan.chaincode.testing.Fixtures.hash;
import static org.pramaan.chaincode.testing.Fixtures.newId;
import static org.pramaan.chaincode.testing.Fixtures.parse;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.chaincode.testing.ContractHarness;
import org.pramaan.chaincode.testing.Fixtures;
import org.pramaan.chaincode.testing.Session;
import org.pramaan.chaincode.testing.TestIdentity;
import org.pramaan.contract.core.ErrorCode;

/** A re-issued certificate's predecessor becomes SUPERSEDED and names its replacement; once, and only that way. */
class SupersedeCertificateTest {

    private ContractHarness harness;
    private Session rev;
    private String old;
    private String replacement;

    @BeforeEach
    void setUp() {
        harness = new ContractHarness();
        Fixtures.Signer signer = Fixtures.registerDepartment(harness, "REV");
        rev = harness.as(TestIdentity.issuer("REV"));
        old = newId("REV", "INC");
        replacement = newId("REV", "INC");
        rev.issueCertificates(batch(entry(old, hash("old"), signer.kid()), entry(replacement, hash("new"), signer.kid())));
    }

    @Test
    void supersededRecordNamesItsReplacementAndRepeatsChangeNothing() {
        JsonNode superseded = parse(rev.supersedeCertificate(old, replacement));
        assertThat(superseded.get("status").asText()).isEqualTo("SUPERSEDED");
        assertThat(superseded.get("revocationReason").get("code").asText()).isEqualTo("SUPERSEDED");
        assertThat(superseded.get("replacedBy").asText()).isEqualTo(replacement);
        assertThat(harness.lastEvent().orElseThrow().name()).isEqualTo("CertificateRevoked");
        assertThat(parse(harness.lastEvent().orElseThrow().payloadText()).get("replacedBy").asText())
                .as("the event names the replacement, so a verifier's copy of the ledger can").isEqualTo(replacement);
        assertThat(parse(rev.readCertificate(replacement)).has("replacedBy")).as("absent when null").isFalse();

        assertThat(parse(rev.supersedeCertificate(old, replacement)).get("replacedBy").asText()).isEqualTo(replacement);
        assertThat(harness.lastEvent()).as("a repeat writes nothing and tells no one").isEmpty();
    }

    @Test
    void refusesAnotherReplacementItselfAnotherDepartmentAndStrangers() {
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.supersedeCertificate(old, old));
        harness.refused(ErrorCode.NOT_FOUND, () -> rev.supersedeCertificate(old, newId("REV", "INC")));
        harness.refused(ErrorCode.INVALID_ARGUMENT, () -> rev.supersedeCertificate(old, newId("HLT", "INC")));
        harness.refused(ErrorCode.FORBIDDEN, () -> harness.as(TestIdentity.admin()).supersedeCertificate(old, replacement));
        rev.supersedeCertificate(old, replacement);
        harness.refused(ErrorCode.CONFLICT, () -> rev.supersedeCertificate(replacement, old));
        harness.refused(ErrorCode.CONFLICT, () -> rev.revokeCertificate(old, "FRAUD"));
    }
}
