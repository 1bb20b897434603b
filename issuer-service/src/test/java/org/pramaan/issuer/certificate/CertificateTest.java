package org.pramaan.issuer.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;

class CertificateTest {

    private final Instant t0 = Instant.parse("2026-12-03T06:00:00Z");

    private Certificate issued() {
        DepartmentCode rev = DepartmentCode.of("REV");
        return Certificate.issued(CertificateId.generate(rev, "INC", java.time.Year.of(2026)), UUID.randomUUID(), rev,
                "REV-INCOME", "INC", "Ramesh", Language.TE, "919876543210", Map.of("ai", "96000"), t0,
                t0.plus(Duration.ofDays(365)), "ab".repeat(32), "cd".repeat(8), "https://verify.example/C/X");
    }

    @Test
    void anIssuedCertificateIsAnchoredOnceAndARepeatOfTheSameRecordChangesNothing() {
        Certificate c = issued();
        assertThat(c.status()).isEqualTo(CertificateStatus.ISSUED);
        assertThat(c.anchored()).isFalse();

        assertThat(c.anchor("tx-1", 7L, t0.plusSeconds(2))).isTrue();
        assertThat(c.status()).isEqualTo(CertificateStatus.ANCHORED);
        assertThat(c.transactionId()).isEqualTo("tx-1");
        assertThat(c.blockNumber()).isEqualTo(7L);
        assertThat(c.anchoredAt()).isEqualTo(t0.plusSeconds(2));

        assertThat(c.anchor("tx-1", null, t0.plusSeconds(9))).as("a retried settle").isFalse();
        assertThat(c.anchoredAt()).isEqualTo(t0.plusSeconds(2));
    }

    @Test
    void aSecondLedgerRecordIsRefused() {
        Certificate c = issued();
        c.anchor("tx-1", 7L, t0);
        assertThatThrownBy(() -> c.anchor("tx-2", 8L, t0)).isInstanceOf(RefusalException.class)
                .satisfies(e -> assertThat(((RefusalException) e).code()).isEqualTo(ProblemCode.ILLEGAL_TRANSITION))
                .hasMessageContaining("tx-1");
        assertThat(c.transactionId()).isEqualTo("tx-1");
    }

    @Test
    void aRevocationIsRecordedOnceWithItsCodeAndNote() {
        Certificate c = issued();
        c.anchor("tx-1", 7L, t0);
        c.revoke(ReasonCode.ISSUED_IN_ERROR, "wrong income year", t0.plusSeconds(60));
        assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(c.revocationCode()).isEqualTo("ISSUED_IN_ERROR");
        assertThat(c.revocationReason()).isEqualTo("wrong income year");
        assertThat(c.revokedAt()).isEqualTo(t0.plusSeconds(60));

        assertThatThrownBy(() -> c.revoke(ReasonCode.FRAUD, "again", t0.plusSeconds(90)))
                .isInstanceOf(RefusalException.class).hasMessageContaining("already revoked");
        assertThat(c.revocationCode()).isEqualTo("ISSUED_IN_ERROR");
    }

    @Test
    void aCertificateRevokedBeforeItsAnchorIsRecordedKeepsItsStatus() {
        Certificate c = issued();
        c.revoke(ReasonCode.ISSUED_IN_ERROR, "typo", t0);
        assertThat(c.anchor("tx-1", 3L, t0.plusSeconds(1))).isTrue();
        assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(c.transactionId()).isEqualTo("tx-1");
    }
}
