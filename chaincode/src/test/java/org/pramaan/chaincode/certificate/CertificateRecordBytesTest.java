package org.pramaan.chaincode.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pramaan.chaincode.testing.ContractHarness;
import org.pramaan.chaincode.testing.Fixtures;
import org.pramaan.chaincode.testing.TestIdentity;
import org.pramaan.contract.certificate.CertificateRecord;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.certificate.RevocationReason;
import org.pramaan.contract.core.Json;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;

/**
 * Every endorsing peer must write the same bytes, and clients compare what they read; so the
 * exact serialisation of a certificate record is pinned here. Changing it is a ledger format change.
 */
class CertificateRecordBytesTest {

    private static final String ID = "REV-INC-2026-7K3M9QX2HD4TZP8W-0";
    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static final CertificateRecord ACTIVE = new CertificateRecord(CertificateId.of(ID), DepartmentCode.of("REV"),
            "INC", ClaimsHash.of(HASH), KeyId.of("0123456789abcdef"), Instant.parse("2026-03-01T10:00:00.123456789Z"),
            Instant.parse("2031-03-01T00:00:00Z"), CertificateStatus.ACTIVE, null, null, null, null);

    @Test
    void anActiveRecordHasExactlyTheseBytes() {
        String expected = "{\"id\":\"REV-INC-2026-7K3M9QX2HD4TZP8W-0\",\"department\":\"REV\",\"type\":\"INC\","
                + "\"claimsHash\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                + "\"kid\":\"0123456789abcdef\",\"issuedAt\":\"2026-03-01T10:00:00.123456789Z\","
                + "\"validUntil\":\"2031-03-01T00:00:00Z\",\"status\":\"ACTIVE\"}";
        assertThat(new String(Json.write(ACTIVE), StandardCharsets.UTF_8)).isEqualTo(expected);
        assertThat(Json.readState(expected.getBytes(StandardCharsets.UTF_8), CertificateRecord.class, "k"))
                .isEqualTo(ACTIVE);
    }

    /**
     * Deliberately changed (DPDP Act 2023): the reason object lost its {@code "text"}, the officer's
     * free note, which every peer kept forever and the public verifier repeated. Nothing else moved:
     * the same fields in the same order, {@code revocationReason} still {@code {"code":...}}.
     */
    @Test
    void aRevokedRecordHasExactlyTheseBytes() {
        CertificateRecord revoked = ACTIVE.revoke(new RevocationReason(ReasonCode.FRAUD),
                Instant.parse("2026-04-02T08:30:00Z"));
        String expected = "{\"id\":\"REV-INC-2026-7K3M9QX2HD4TZP8W-0\",\"department\":\"REV\",\"type\":\"INC\","
                + "\"claimsHash\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                + "\"kid\":\"0123456789abcdef\",\"issuedAt\":\"2026-03-01T10:00:00.123456789Z\","
                + "\"validUntil\":\"2031-03-01T00:00:00Z\",\"status\":\"REVOKED\","
                + "\"revokedAt\":\"2026-04-02T08:30:00Z\","
                + "\"revocationReason\":{\"code\":\"FRAUD\"}}";
        assertThat(Json.write(revoked)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
        assertThat(Json.readState(Json.write(revoked), CertificateRecord.class, "k")).isEqualTo(revoked);
    }

    @Test
    void theContractStoresTheseBytesUnderTheCompositeKey() {
        ContractHarness harness = new ContractHarness();
        Fixtures.Signer signer = Fixtures.registerDepartment(harness, "REV");
        harness.as(TestIdentity.issuer("REV")).issueCertificates(
                Fixtures.batch(Fixtures.entry(ID, HASH, signer.kid())));

        byte[] stored = harness.ledger().get("\u0000CERT\u0000" + ID + "\u0000").orElseThrow();

        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"" + ID
                + "\",\"department\":\"REV\",\"type\":\"INC\",\"claimsHash\":\"" + HASH + "\",\"kid\":\"" + signer.kid()
                + "\",\"issuedAt\":\"2026-03-01T10:00:00Z\",\"validUntil\":\"2031-03-01T00:00:00Z\",\"status\":\"ACTIVE\"}");
    }
}
