package org.pramaan.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.pramaan.ledger.LedgerFixtures.ADMIN;
import static org.pramaan.ledger.LedgerFixtures.HLT_ISSUER;
import static org.pramaan.ledger.LedgerFixtures.REV_ISSUER;
import static org.pramaan.ledger.LedgerFixtures.VERIFIER;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.certificate.CertificateRecord;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.issuer.SignerRevocationCode;
import org.pramaan.contract.issuer.SuspensionCode;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.ledger.identity.LedgerIdentity;

/**
 * What every {@link Ledger} must do, whatever carries the calls: one suite, run against DevLedger
 * and against Fabric alike. Each test starts with a fresh, empty ledger.
 */
public abstract class LedgerContractSuite {

    /** A fresh, empty ledger seen by {@code identity}; the same ledger for every identity in one test. */
    protected abstract Ledger ledgerAs(LedgerIdentity identity);

    @BeforeEach
    void registerDepartments() {
        Ledger admin = ledgerAs(ADMIN);
        admin.registerIssuer(LedgerFixtures.department("REV", "Revenue"));
        admin.addSignerKey("REV", LedgerFixtures.signer(LedgerFixtures.REV_SIGNER));
        admin.registerIssuer(LedgerFixtures.department("HLT", "Health, Medical and Family Welfare"));
        admin.addSignerKey("HLT", LedgerFixtures.signer(LedgerFixtures.HLT_SIGNER));
    }

    @Test
    void departmentsAndTheirKeysAreReadByAnyone() {
        assertThat(ledgerAs(VERIFIER).issuers()).extracting(i -> i.department().toString()).containsExactly("HLT", "REV");
        assertThat(ledgerAs(VERIFIER).issuer("REV")).hasValueSatisfying(
                issuer -> assertThat(issuer.signer(org.pramaan.contract.id.KeyId.of(LedgerFixtures.REV_SIGNER.kid().hex()))).isPresent());
        assertThat(ledgerAs(VERIFIER).issuer("EDU")).isEmpty();
    }

    @Test
    void anIssuedBatchIsReadAndVerifiedWithItsEvidence() {
        List<CertificateRequest> batch = List.of(LedgerFixtures.revenueCertificate(1), LedgerFixtures.revenueCertificate(2));

        Committed<IssueOutcome> committed = ledgerAs(REV_ISSUER).issue(batch);

        assertThat(committed.value().issued()).hasSize(2);
        assertThat(committed.transactionId()).hasSize(64);
        assertThat(committed.blockNumber()).isPositive();
        String id = batch.get(0).id().toString();
        CertificateRecord record = ledgerAs(VERIFIER).read(id).orElseThrow();
        assertThat(record.status()).isEqualTo(CertificateStatus.ACTIVE);
        assertThat(record.claimsHash()).isEqualTo(batch.get(0).claimsHash());
        assertThat(ledgerAs(VERIFIER).verify(id, batch.get(0).claimsHash().toString()).result()).isEqualTo(Verification.Result.VALID);
        assertThat(ledgerAs(VERIFIER).verify(id, LedgerFixtures.hash("other").toString()).result())
                .isEqualTo(Verification.Result.HASH_MISMATCH);
    }

    @Test
    void theAuditorListsADepartmentsRecordsPageByPageAndAVerifierMayNot() {
        List<CertificateRequest> batch = List.of(LedgerFixtures.revenueCertificate(11),
                LedgerFixtures.revenueCertificate(12), LedgerFixtures.revenueCertificate(13));
        ledgerAs(REV_ISSUER).issue(batch);

        List<String> seen = new java.util.ArrayList<>();
        String bookmark = "";
        int pages = 0;
        do {
            org.pramaan.contract.certificate.CertificateListing page = ledgerAs(LedgerFixtures.AUDITOR)
                    .certificates("REV", 2, bookmark);
            page.certificates().forEach(r -> seen.add(r.id().toString()));
            bookmark = page.bookmark();
            pages++;
        } while (!bookmark.isEmpty() && pages < 10);

        assertThat(seen).containsExactlyInAnyOrderElementsOf(batch.stream().map(r -> r.id().toString()).toList())
                .isSorted();
        assertThat(ledgerAs(LedgerFixtures.AUDITOR).certificates("HLT", 100, "").certificates()).isEmpty();
        assertThatThrownBy(() -> ledgerAs(VERIFIER).certificates("REV", 10, ""))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.code()).isEqualTo(LedgerErrorCode.FORBIDDEN));
    }

    @Test
    void anUnknownCertificateIsNotFound() {
        String unknown = LedgerFixtures.revenueCertificate(9).id().toString();
        assertThat(ledgerAs(VERIFIER).read(unknown)).isEmpty();
        assertThat(ledgerAs(VERIFIER).verify(unknown, LedgerFixtures.hash("x").toString()).result())
                .isEqualTo(Verification.Result.NOT_FOUND);
    }

    @Test
    void reissuingTheSameBatchChangesNothingAndAnotherHashConflicts() {
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);
        ledgerAs(REV_ISSUER).issue(List.of(request));

        Committed<IssueOutcome> retry = ledgerAs(REV_ISSUER).issue(List.of(request));
        CertificateRequest forged = new CertificateRequest(request.id(), request.department(), request.type(),
                LedgerFixtures.hash("forged"), request.kid(), request.validUntil());

        assertThat(retry.value().issued()).isEmpty();
        assertThat(retry.value().unchanged()).containsExactly(request.id());
        assertThatThrownBy(() -> ledgerAs(REV_ISSUER).issue(List.of(forged)))
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.code()).isEqualTo(LedgerErrorCode.CONFLICT);
                    assertThat(e.transactionId()).isPresent();
                    assertThat(e.getMessage()).contains(request.id().toString());
                });
    }

    @Test
    void onlyTheDepartmentsOwnIssuersMayIssueAndRevoke() {
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);

        assertRefused(() -> ledgerAs(HLT_ISSUER).issue(List.of(request)), LedgerErrorCode.FORBIDDEN);
        assertRefused(() -> ledgerAs(VERIFIER).issue(List.of(request)), LedgerErrorCode.FORBIDDEN);
        assertRefused(() -> ledgerAs(REV_ISSUER).registerIssuer(LedgerFixtures.department("EDU", "School Education")),
                LedgerErrorCode.FORBIDDEN);
        ledgerAs(REV_ISSUER).issue(List.of(request));
        assertRefused(() -> ledgerAs(HLT_ISSUER).revoke(request.id().toString(),
                ReasonCode.ISSUED_IN_ERROR), LedgerErrorCode.FORBIDDEN);
    }

    @Test
    void aSuspendedDepartmentCannotIssue() {
        ledgerAs(ADMIN).suspendIssuer("REV", SuspensionCode.UNDER_REVIEW);

        assertRefused(() -> ledgerAs(REV_ISSUER).issue(List.of(LedgerFixtures.revenueCertificate(1))),
                LedgerErrorCode.ISSUER_INACTIVE);

        ledgerAs(ADMIN).reinstateIssuer("REV");
        assertThat(ledgerAs(REV_ISSUER).issue(List.of(LedgerFixtures.revenueCertificate(2))).value().issued()).hasSize(1);
    }

    @Test
    void aRevokedSignerKeyCannotAnchorNewCertificates() {
        ledgerAs(ADMIN).revokeSignerKey("REV", LedgerFixtures.REV_SIGNER.kid().hex(), Instant.parse("2026-02-01T00:00:00Z"),
                SignerRevocationCode.KEY_COMPROMISE);

        assertRefused(() -> ledgerAs(REV_ISSUER).issue(List.of(LedgerFixtures.revenueCertificate(1))),
                LedgerErrorCode.KEY_NOT_VALID);
    }

    @Test
    void aReissuedCertificatesPredecessorIsSupersededAndNamesItsReplacement() {
        CertificateRequest old = LedgerFixtures.revenueCertificate(1);
        CertificateRequest replacement = LedgerFixtures.revenueCertificate(2);
        ledgerAs(REV_ISSUER).issue(List.of(old, replacement));

        Committed<CertificateRecord> superseded = ledgerAs(REV_ISSUER).supersede(old.id().toString(),
                replacement.id().toString());

        assertThat(superseded.value().status()).isEqualTo(CertificateStatus.SUPERSEDED);
        assertThat(superseded.value().replacedBy()).isEqualTo(replacement.id());
        assertThat(ledgerAs(VERIFIER).read(old.id().toString()).orElseThrow().replacedBy()).isEqualTo(replacement.id());
        assertThat(ledgerAs(VERIFIER).verify(old.id().toString(), old.claimsHash().toString()).result())
                .isEqualTo(Verification.Result.REVOKED);
        assertRefused(() -> ledgerAs(VERIFIER).supersede(replacement.id().toString(), old.id().toString()),
                LedgerErrorCode.FORBIDDEN);
    }

    @Test
    void aRevocationIsRecordedWithItsReasonAndHistory() {
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);
        ledgerAs(REV_ISSUER).issue(List.of(request));
        String id = request.id().toString();

        Committed<CertificateRecord> revoked = ledgerAs(REV_ISSUER).revoke(id,
                ReasonCode.DATA_CORRECTED);

        assertThat(revoked.value().status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(ledgerAs(VERIFIER).verify(id, request.claimsHash().toString()).result()).isEqualTo(Verification.Result.REVOKED);
        assertThat(ledgerAs(VERIFIER).history(id).history()).hasSize(2)
                .extracting(e -> e.record().status()).containsExactly(CertificateStatus.REVOKED, CertificateStatus.ACTIVE);
        assertThat(ledgerAs(REV_ISSUER).revoke(id, ReasonCode.DATA_CORRECTED).value())
                .isEqualTo(revoked.value());
        assertRefused(() -> ledgerAs(REV_ISSUER).revoke(id, ReasonCode.FRAUD),
                LedgerErrorCode.CONFLICT);
    }

    @Test
    void eventsArriveInOrderAndResumeAfterTheirCheckpoint() throws InterruptedException {
        CertificateRequest request = LedgerFixtures.revenueCertificate(1);
        List<LedgerEvent> seen = new CopyOnWriteArrayList<>();
        CountDownLatch revoked = new CountDownLatch(1);
        try (EventSubscription subscription = ledgerAs(VERIFIER).subscribe("verifier-cache", event -> {
            seen.add(event);
            if (event instanceof LedgerEvent.CertificateRevoked) {
                revoked.countDown();
            }
        })) {
            ledgerAs(REV_ISSUER).issue(List.of(request));
            ledgerAs(REV_ISSUER).revoke(request.id().toString(), ReasonCode.FRAUD);
            assertThat(revoked.await(10, TimeUnit.SECONDS)).as("revocation event within 10 s").isTrue();
        }
        assertThat(seen).extracting(LedgerEvent::getClass).containsSubsequence(
                LedgerEvent.IssuerChanged.class, LedgerEvent.CertificateIssued.class, LedgerEvent.CertificateRevoked.class);
        assertThat(seen).noneMatch(LedgerEvent.Unknown.class::isInstance);
        assertThat(seen.get(seen.size() - 1)).isInstanceOfSatisfying(LedgerEvent.CertificateRevoked.class, revocation -> {
            assertThat(revocation.payload().id()).isEqualTo(request.id());
            assertThat(revocation.payload().reasonCode()).isEqualTo(ReasonCode.FRAUD);
            assertThat(revocation.payload().status()).isEqualTo(CertificateStatus.REVOKED);
        });

        CertificateRequest later = LedgerFixtures.revenueCertificate(2);
        List<LedgerEvent> resumed = new CopyOnWriteArrayList<>();
        CountDownLatch issued = new CountDownLatch(1);
        try (EventSubscription again = ledgerAs(VERIFIER).subscribe("verifier-cache", event -> {
            resumed.add(event);
            issued.countDown();
        })) {
            ledgerAs(REV_ISSUER).issue(List.of(later));
            assertThat(issued.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(resumed).hasSize(1);
        assertThat(resumed.get(0)).isInstanceOfSatisfying(LedgerEvent.CertificateIssued.class,
                issuedEvent -> assertThat(issuedEvent.payload().ids()).containsExactly(later.id()));
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        List<CertificateRequest> tooMany = java.util.stream.IntStream.range(0, 1001)
                .mapToObj(LedgerFixtures::revenueCertificate).toList();

        assertRefused(() -> ledgerAs(REV_ISSUER).issue(tooMany), LedgerErrorCode.BATCH_TOO_LARGE);
        assertThat(ledgerAs(VERIFIER).read(tooMany.get(0).id().toString())).isEmpty();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, LedgerErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

}
