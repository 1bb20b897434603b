package org.pramaan.ledger.contract;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.pramaan.contract.certificate.CertificateHistory;
import org.pramaan.contract.certificate.CertificateListing;
import org.pramaan.contract.certificate.CertificateRecord;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.IssueBatch;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.contract.core.Json;
import org.pramaan.contract.issuer.IssuerListing;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.contract.issuer.SignerRevocationCode;
import org.pramaan.contract.issuer.SuspensionCode;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.ledger.LedgerException;

/**
 * {@link Ledger} over any {@link Transactor}: the contract's calls, its JSON (the contract model's
 * records and {@code Json}) and the error mapping. Submits that lost a read conflict are retried as they are: every write of the contract
 * is idempotent, so a retry either does the work or finds it already done. Both read conflicts
 * (MVCC and phantom) are retried.
 */
public final class ContractLedger implements Ledger {

    static final int ISSUER_PAGE_SIZE = 100;

    private final Transactor transactor;
    private final FailsafeExecutor<Committed<byte[]>> retries;

    public ContractLedger(Transactor transactor) {
        this(transactor, 5);
    }

    public ContractLedger(Transactor transactor, int maxRetries) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        this.retries = Failsafe.with(RetryPolicy.<Committed<byte[]>>builder()
                .handleIf(e -> e instanceof LedgerException l && l.code().conflict())
                .withBackoff(Duration.ofMillis(5), Duration.ofMillis(200))
                .withJitter(0.5)
                .withMaxRetries(maxRetries)
                .build());
    }

    @Override
    public Committed<IssueOutcome> issue(List<CertificateRequest> certificates) {
        return submit(IssueOutcome.class, "IssueCertificates", Json.writeString(new IssueBatch(certificates)));
    }

    @Override
    public Committed<CertificateRecord> supersede(String certificateId, String replacementId) {
        return submit(CertificateRecord.class, "SupersedeCertificate", certificateId, replacementId);
    }

    @Override
    public Committed<CertificateRecord> revoke(String certificateId, ReasonCode reason) {
        return submit(CertificateRecord.class, "RevokeCertificate", certificateId, reason.name());
    }

    @Override
    public Committed<CertificateRecord> hold(String certificateId, HoldCode code) {
        return submit(CertificateRecord.class, "HoldCertificate", certificateId, code.name());
    }

    @Override
    public Committed<CertificateRecord> release(String certificateId) {
        return submit(CertificateRecord.class, "ReleaseCertificate", certificateId);
    }

    @Override
    public Optional<CertificateRecord> read(String certificateId) {
        return evaluateOptional(CertificateRecord.class, "ReadCertificate", certificateId);
    }

    @Override
    public Verification verify(String certificateId, String claimsHash) {
        return evaluate(Verification.class, "VerifyCertificate", certificateId, claimsHash);
    }

    @Override
    public CertificateHistory history(String certificateId) {
        return evaluate(CertificateHistory.class, "CertificateHistory", certificateId);
    }

    @Override
    public CertificateListing certificates(String department, int pageSize, String bookmark) {
        return evaluate(CertificateListing.class, "ListCertificates", department, Integer.toString(pageSize),
                bookmark == null ? "" : bookmark);
    }

    @Override
    public Optional<IssuerRecord> issuer(String department) {
        return evaluateOptional(IssuerRecord.class, "ReadIssuer", department);
    }

    @Override
    public List<IssuerRecord> issuers() {
        List<IssuerRecord> all = new ArrayList<>();
        String bookmark = "";
        do {
            IssuerListing page = evaluate(IssuerListing.class, "ListIssuers", Integer.toString(ISSUER_PAGE_SIZE), bookmark);
            all.addAll(page.issuers());
            bookmark = page.bookmark() == null ? "" : page.bookmark();
        } while (!bookmark.isEmpty());
        return List.copyOf(all);
    }

    @Override
    public Committed<IssuerRecord> registerIssuer(IssuerRegistration registration) {
        return submit(IssuerRecord.class, "RegisterIssuer", Json.writeString(registration));
    }

    @Override
    public Committed<IssuerRecord> addSignerKey(String department, SignerRegistration signer) {
        return submit(IssuerRecord.class, "AddSignerKey", department, Json.writeString(signer));
    }

    @Override
    public Committed<IssuerRecord> revokeSignerKey(String department, String kid, Instant revokedFrom,
                                                   SignerRevocationCode reason) {
        return submit(IssuerRecord.class, "RevokeSignerKey", department, kid, revokedFrom.toString(), reason.name());
    }

    @Override
    public Committed<IssuerRecord> suspendIssuer(String department, SuspensionCode reason) {
        return submit(IssuerRecord.class, "SuspendIssuer", department, reason.name());
    }

    @Override
    public Committed<IssuerRecord> reinstateIssuer(String department) {
        return submit(IssuerRecord.class, "ReinstateIssuer", department);
    }

    @Override
    public EventSubscription subscribe(String subscriber, Consumer<LedgerEvent> listener) {
        return transactor.subscribe(subscriber, listener);
    }

    @Override
    public void close() {
        transactor.close();
    }

    private <T> Committed<T> submit(Class<T> type, String function, String... arguments) {
        Committed<byte[]> committed = retries.get(() -> transactor.submit(function, arguments));
        return new Committed<>(parse(committed.value(), type, function), committed.transactionId(), committed.blockNumber());
    }

    private <T> T evaluate(Class<T> type, String function, String... arguments) {
        return parse(transactor.evaluate(function, arguments), type, function);
    }

    private <T> Optional<T> evaluateOptional(Class<T> type, String function, String... arguments) {
        try {
            return Optional.of(evaluate(type, function, arguments));
        } catch (LedgerException e) {
            if (e.code() == LedgerErrorCode.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T parse(byte[] json, Class<T> type, String function) {
        try {
            return Json.readArgument(new String(json, StandardCharsets.UTF_8), type, function + " answer");
        } catch (RuntimeException e) {
            throw new LedgerException(LedgerErrorCode.CONTRACT_FAILURE, null,
                    function + " answered with JSON this client cannot read: " + e.getMessage(), e);
        }
    }
}
