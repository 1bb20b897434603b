package org.pramaan.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.pramaan.chaincode.certificate.CertificateHistory;
import org.pramaan.chaincode.certificate.CertificateRecord;
import org.pramaan.chaincode.certificate.CertificateRequest;
import org.pramaan.chaincode.certificate.IssueOutcome;
import org.pramaan.chaincode.certificate.RevocationReason;
import org.pramaan.chaincode.certificate.Verification;
import org.pramaan.chaincode.issuer.IssuerRecord;
import org.pramaan.chaincode.issuer.IssuerRegistration;
import org.pramaan.chaincode.issuer.SignerRegistration;

/**
 * The certificate ledger in domain terms, as one identity sees it. The contract's records are the
 * vocabulary; what a call may do depends on the identity's attributes ({@code role}, {@code dept}),
 * which the contract checks.
 *
 * <p>Writes are idempotent where the contract makes them so: issuing the same batch twice, or
 * revoking twice for the same reason, returns the first result. Every failure is a
 * {@link LedgerException} carrying the transaction id and a {@link LedgerErrorCode}.
 *
 * <pre>{@code
 * try (Ledger ledger = DevLedger.open(dataSource, identity, trustedCas, clock)) {
 *     IssueOutcome outcome = ledger.issue(List.of(request));
 * }
 * }</pre>
 */
public interface Ledger extends AutoCloseable {

    /** Anchors a batch of certificates of the caller's department in one transaction. */
    Committed<IssueOutcome> issue(List<CertificateRequest> certificates);

    Committed<CertificateRecord> revoke(String certificateId, RevocationReason reason);

    Optional<CertificateRecord> read(String certificateId);

    /** The ledger's view of a certificate and a presented claims hash (lower-case SHA-256 hex). */
    Verification verify(String certificateId, String claimsHash);

    CertificateHistory history(String certificateId);

    Optional<IssuerRecord> issuer(String department);

    /** Every registered department, read page by page. */
    List<IssuerRecord> issuers();

    Committed<IssuerRecord> registerIssuer(IssuerRegistration registration);

    Committed<IssuerRecord> addSignerKey(String department, SignerRegistration signer);

    Committed<IssuerRecord> revokeSignerKey(String department, String kid, Instant revokedFrom, String reason);

    Committed<IssuerRecord> suspendIssuer(String department, String reason);

    Committed<IssuerRecord> reinstateIssuer(String department);

    /**
     * Delivers the ledger's events, in order, to {@code listener}, starting after the checkpoint saved
     * under {@code subscriber} (or from the first block), and saves the checkpoint after each event.
     * A listener that throws gets the same event again on the next attempt.
     */
    EventSubscription subscribe(String subscriber, Consumer<LedgerEvent> listener);

    @Override
    void close();
}
