package org.pramaan.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.pramaan.contract.certificate.CertificateHistory;
import org.pramaan.contract.certificate.CertificateListing;
import org.pramaan.contract.certificate.CertificateRecord;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.contract.issuer.SignerRevocationCode;
import org.pramaan.contract.issuer.SuspensionCode;

/**
 * The certificate ledger in domain terms, as one identity sees it. The contract's records (module
 * {@code contract-model}, package {@code org.pramaan.contract}) are the vocabulary, so that no user of
 * this port carries the chaincode shim; what a call may do depends on the identity's attributes ({@code role}, {@code dept}),
 * which the contract checks.
 *
 * <p>Writes are idempotent where the contract makes them so: issuing the same batch twice, or
 * revoking twice for the same reason, returns the first result. Every failure is a
 * {@link LedgerException} carrying the transaction id and a {@link LedgerErrorCode}.
 *
 * <pre>{@code
 * try (FabricLedger fabric = FabricLedger.connect(connectionFile, dataSource, FabricLedger.Settings.defaults())) {
 *     Ledger ledger = fabric.ledger("REV");
 *     IssueOutcome outcome = ledger.issue(List.of(request)).value();
 * }
 * }</pre>
 */
public interface Ledger extends AutoCloseable {

    /** Anchors a batch of certificates of the caller's department in one transaction. */
    Committed<IssueOutcome> issue(List<CertificateRequest> certificates);

    /**
     * Revokes a certificate for a code from the contract's closed list. There is no text: whatever
     * the ledger takes is public and permanent, so an officer's note stays in the issuer's database.
     */
    Committed<CertificateRecord> revoke(String certificateId, ReasonCode reason);

    /** Marks a certificate SUPERSEDED by its anchored, active replacement, which the record then names. */
    Committed<CertificateRecord> supersede(String certificateId, String replacementId);

    /** Puts a certificate on hold while its department checks it: verifiers answer ON_HOLD until release or revocation. */
    Committed<CertificateRecord> hold(String certificateId, HoldCode code);

    /** Lifts a hold; the certificate is active again. */
    Committed<CertificateRecord> release(String certificateId);

    Optional<CertificateRecord> read(String certificateId);

    /** The ledger's view of a certificate and a presented claims hash (lower-case SHA-256 hex). */
    Verification verify(String certificateId, String claimsHash);

    CertificateHistory history(String certificateId);

    /**
     * One page of a department's certificate records in id order, from {@code bookmark} (empty for
     * the first page; then the listing's own). The auditor's batched read: only the {@code admin},
     * {@code auditor} and the department's issuer identities may list, since a listing enumerates ids.
     */
    CertificateListing certificates(String department, int pageSize, String bookmark);

    Optional<IssuerRecord> issuer(String department);

    /** Every registered department, read page by page. */
    List<IssuerRecord> issuers();

    Committed<IssuerRecord> registerIssuer(IssuerRegistration registration);

    Committed<IssuerRecord> addSignerKey(String department, SignerRegistration signer);

    Committed<IssuerRecord> revokeSignerKey(String department, String kid, Instant revokedFrom,
                                            SignerRevocationCode reason);

    Committed<IssuerRecord> suspendIssuer(String department, SuspensionCode reason);

    Committed<IssuerRecord> reinstateIssuer(String department);

    /**
     * Delivers the ledger's events, typed ({@link LedgerEvent}), in order, to {@code listener}, starting
     * after the checkpoint saved under {@code subscriber} (or from the first block), and saves the
     * checkpoint after each event. A listener that throws gets the same event again on the next
     * attempt; an event this client cannot type comes as {@link LedgerEvent.Unknown}.
     */
    EventSubscription subscribe(String subscriber, Consumer<LedgerEvent> listener);

    @Override
    void close();
}
