package org.pramaan.issuer.anchoring;

import org.pramaan.issuer.ledger.DepartmentLedgers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.delivery.DeliveryOutbox;
import org.pramaan.issuer.work.IssuerQueue;
import org.pramaan.issuer.work.QueueName;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.work.Backoff;
import org.pramaan.service.work.Lease;
import org.pramaan.service.work.LeasedWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records revocations (and supersessions of re-issued certificates) on the ledger once their certificate is
 * anchored, and queues the citizen's notice in the short transaction that removes the outbox row. Both contract
 * calls are idempotent, so a revocation whose outcome was lost is simply sent again.
 */
@Component
public class RevocationRecorder implements IssuerQueue<AnchorQueue.Revocation> {

    private static final Logger LOG = LoggerFactory.getLogger(RevocationRecorder.class);

    private final AnchorQueue queue;
    private final Certificates certificates;
    private final DeliveryOutbox deliveries;
    private final DepartmentLedgers ledgers;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Backoff backoff;
    private final LeasedWorker.Settings settings;

    public RevocationRecorder(AnchorQueue queue, Certificates certificates, DeliveryOutbox deliveries,
                              DepartmentLedgers ledgers, TransactionTemplate transactions, Clock clock,
                              IssuerProperties properties) {
        this.queue = queue;
        this.certificates = certificates;
        this.deliveries = deliveries;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.clock = clock;
        IssuerProperties.Ledger ledger = properties.ledger();
        this.backoff = new Backoff(ledger.retryBackoff(), Duration.ofMinutes(5));
        this.settings = new LeasedWorker.Settings(ledger.workers(), ledger.changeBatch(), ledger.lease(),
                ledger.pollInterval());
    }

    @Override
    public QueueName name() {
        return QueueName.REVOCATION;
    }

    @Override
    public LeasedWorker.Settings settings() {
        return settings;
    }

    @Override
    public List<AnchorQueue.Revocation> claim(Lease lease, int limit) {
        return queue.claimDueRevocations(lease, clock.instant(), limit);
    }

    @Override
    public void work(AnchorQueue.Revocation r, Lease lease) {
        try (Correlation.Scope scope = Correlation.open(r.correlationId())) {
            try {
                if (r.replacedBy() != null) {
                    // Re-issued: SUPERSEDED on the ledger, naming the replacement a verifier can point to.
                    ledgers.forDepartment(r.department()).supersede(r.certificateId(), r.replacedBy());
                } else {
                    ledgers.forDepartment(r.department()).revoke(r.certificateId(), ReasonCode.valueOf(r.code()));
                }
            } catch (RuntimeException e) {
                Instant next = backoff.next(clock.instant(), r.attempts());
                if (queue.postponeRevocation(r.certificateId(), lease.owner(), next, e.getMessage())) {
                    LOG.warn("recording revocation of {} failed: {}", r.certificateId(), e.getMessage());
                } else {
                    LOG.info("recording revocation of {} failed, and another worker holds it now: {}",
                            r.certificateId(), e.getMessage());
                }
                return;
            }
            transactions.executeWithoutResult(status -> {
                if (!queue.removeRevocation(r.certificateId(), lease.owner())) {
                    LOG.info("revocation of certificate {} is on the ledger; another worker settles it",
                            r.certificateId());
                    return;
                }
                certificates.find(r.certificateId())
                        .ifPresent(c -> deliveries.enqueue(c, DeliveryOutbox.Type.REVOKED, clock.instant()));
                LOG.info("revocation of certificate {} recorded on the ledger", r.certificateId());
            });
        }
    }
}
