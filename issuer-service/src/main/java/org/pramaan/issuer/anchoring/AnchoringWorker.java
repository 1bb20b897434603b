package org.pramaan.issuer.anchoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.contract.certificate.CertificateHistory;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.delivery.DeliveryOutbox;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;
import org.pramaan.service.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves certificates from the anchoring outbox onto the ledger in batches, one transaction per
 * department batch. The outbox rows stay locked while the ledger call runs and go only when the
 * certificates are marked anchored; a crash anywhere leaves them to be sent again, and the
 * contract answers a repeated batch with "unchanged" instead of anchoring twice.
 */
@Component
public class AnchoringWorker {

    private static final Logger LOG = LoggerFactory.getLogger(AnchoringWorker.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final AnchorQueue queue;
    private final Certificates certificates;
    private final DeliveryOutbox deliveries;
    private final DepartmentLedgers ledgers;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final IssuerProperties.Ledger settings;
    private final AnchoringLimits limits;
    private final DistributionSummary batchSize;
    private final Timer latency;
    private final Counter failures;
    /** Departments whose last batch was refused for its content: sent one by one to find the culprit. */
    private final Map<DepartmentCode, Integer> singlesLeft = new java.util.concurrent.ConcurrentHashMap<>();

    public AnchoringWorker(AnchorQueue queue, Certificates certificates, DeliveryOutbox deliveries,
                           DepartmentLedgers ledgers, TransactionTemplate transactions, Clock clock,
                           IssuerProperties properties, MeterRegistry meters, AnchoringLimits limits) {
        this.limits = limits;
        this.queue = queue;
        this.certificates = certificates;
        this.deliveries = deliveries;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.clock = clock;
        this.settings = properties.ledger();
        Gauge.builder("pramaan.anchoring.queue.depth", queue, AnchorQueue::depth)
                .description("certificates waiting to be anchored").register(meters);
        Gauge.builder("pramaan.anchoring.parked", queue, AnchorQueue::parkedCount)
                .description("certificates anchoring gave up on, waiting for an operator").register(meters);
        this.batchSize = DistributionSummary.builder("pramaan.anchoring.batch.size")
                .description("certificates per ledger transaction").register(meters);
        this.latency = Timer.builder("pramaan.anchoring.latency")
                .description("time from issue to anchored").publishPercentileHistogram().register(meters);
        this.failures = Counter.builder("pramaan.anchoring.failures").description("failed ledger submissions")
                .register(meters);
    }

    /** Submits every due batch; returns how many certificates got anchored. */
    public int anchorDue() {
        int anchored = 0;
        for (DepartmentCode department : queue.departmentsWithDueWork(clock.instant())) {
            anchored += anchorBatch(department);
        }
        return anchored;
    }

    private int anchorBatch(DepartmentCode department) {
        List<String> attempted = new java.util.ArrayList<>();
        int[] attempts = {0};
        try {
            Integer done = transactions.execute(status -> {
                Instant now = clock.instant();
                boolean isolating = singlesLeft.getOrDefault(department, 0) > 0;
                int limit = isolating ? 1 : settings.batchSize();
                List<AnchorQueue.Waiting> batch = queue.lockBatch(department, now, limit);
                if (batch.isEmpty() || !isolating && batch.size() < limit
                        && batch.get(0).enqueuedAt().plus(settings.maxWait()).isAfter(now)) {
                    return 0; // let the batch fill up a little longer
                }
                batch.forEach(w -> attempted.add(w.certificateId()));
                attempts[0] = batch.stream().mapToInt(AnchorQueue.Waiting::attempts).max().orElse(0);
                Ledger ledger = ledgers.forDepartment(department);
                Committed<IssueOutcome> committed = ledger.issue(batch.stream().map(w -> request(department, w)).toList());
                settle(ledger, batch, committed);
                singlesLeft.computeIfPresent(department, (d, n) -> n > 1 ? n - 1 : null);
                return batch.size();
            });
            return done == null ? 0 : done;
        } catch (RuntimeException e) {
            failures.increment();
            singlesLeft.computeIfPresent(department, (d, n) -> n > 1 ? n - 1 : null);
            if (attempted.size() > 1 && refusedForContent(e)) {
                // One bad certificate must not hold back the rest: retry them one by one at once.
                singlesLeft.put(department, attempted.size());
                LOG.warn("the ledger refused a batch of {} certificates of {}; retrying them one by one: {}",
                        attempted.size(), department, e.getMessage());
                return 0;
            }
            if (!attempted.isEmpty()) {
                Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempts[0], 16));
                Instant next = clock.instant().plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
                List<String> parked = transactions.execute(s -> queue.postpone(attempted, next, e.getMessage(),
                        limits.maxAttempts(), clock.instant()));
                LOG.warn("anchoring {} certificates of {} failed, kept queued until {}: {}", attempted.size(),
                        department, next, e.getMessage());
                if (parked != null && !parked.isEmpty()) {
                    // Given up on: an operator decides (the console lists them); no retry for ever.
                    LOG.error("anchoring gave up on {} certificates of {} after {} attempts, parked: {}; last error: {}",
                            parked.size(), department, limits.maxAttempts(), parked, e.getMessage());
                }
            } else {
                LOG.warn("anchoring for {} failed: {}", department, e.getMessage());
            }
            return 0;
        }
    }

    private void settle(Ledger ledger, List<AnchorQueue.Waiting> batch, Committed<IssueOutcome> committed) {
        Instant now = clock.instant();
        Map<String, String> unchangedTx = new HashMap<>();
        for (CertificateId id : committed.value().unchanged()) {
            // Anchored by an earlier attempt whose outcome this service never recorded (crash, timeout).
            CertificateHistory history = ledger.history(id.value());
            List<CertificateHistory.Entry> entries = history.history();
            unchangedTx.put(id.value(), entries.isEmpty() ? committed.transactionId() : entries.get(entries.size() - 1).txId());
        }
        for (AnchorQueue.Waiting w : batch) {
            // One batch holds many citizens' certificates: each is logged under its own application's id.
            try (Correlation.Scope scope = Correlation.open(w.correlationId())) {
                String earlier = unchangedTx.get(w.certificateId());
                if (earlier != null) {
                    certificates.markAnchored(w.certificateId(), earlier, null, now);
                } else {
                    certificates.markAnchored(w.certificateId(), committed.transactionId(), committed.blockNumber(),
                            now);
                }
                queue.remove(w.certificateId());
                certificates.find(w.certificateId())
                        .ifPresent(c -> deliveries.enqueue(c, DeliveryOutbox.Type.ISSUED, now));
                latency.record(Duration.between(w.issuedAt(), now));
                LOG.info("certificate {} anchored in transaction {}", w.certificateId(),
                        earlier != null ? earlier : committed.transactionId());
            }
        }
        batchSize.record(batch.size());
        LOG.info("anchored {} certificates in transaction {} (block {}, {} already on the ledger)", batch.size(),
                committed.transactionId(), committed.blockNumber(), unchangedTx.size());
    }

    /** Records due revocations on the ledger and queues the citizen's notification. */
    public int revokeDue() {
        Integer done = transactions.execute(status -> {
            int n = 0;
            for (AnchorQueue.Revocation r : queue.lockDueRevocations(clock.instant(), 20)) {
                try (Correlation.Scope scope = Correlation.open(r.correlationId())) {
                    n += revoke(r) ? 1 : 0;
                }
            }
            return n;
        });
        return done == null ? 0 : done;
    }

    private boolean revoke(AnchorQueue.Revocation r) {
        try {
            if (r.replacedBy() != null) {
                // Re-issued: SUPERSEDED on the ledger, naming the replacement a verifier can point to.
                ledgers.forDepartment(r.department()).supersede(r.certificateId(), r.replacedBy());
            } else {
                ledgers.forDepartment(r.department()).revoke(r.certificateId(), ReasonCode.valueOf(r.code()));
            }
            queue.removeRevocation(r.certificateId());
            certificates.find(r.certificateId())
                    .ifPresent(c -> deliveries.enqueue(c, DeliveryOutbox.Type.REVOKED, clock.instant()));
            LOG.info("revocation of certificate {} recorded on the ledger", r.certificateId());
            return true;
        } catch (RuntimeException e) {
            Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(r.attempts(), 16));
            queue.postponeRevocation(r.certificateId(),
                    clock.instant().plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait), e.getMessage());
            LOG.warn("recording revocation of {} failed: {}", r.certificateId(), e.getMessage());
            return false;
        }
    }

    /** Refusals about what was sent (not about reaching the ledger), which a retry of the same batch repeats. */
    private static boolean refusedForContent(RuntimeException e) {
        return e instanceof LedgerException le && (le.code() == LedgerErrorCode.INVALID_ARGUMENT
                || le.code() == LedgerErrorCode.CONFLICT || le.code() == LedgerErrorCode.KEY_NOT_VALID
                || le.code() == LedgerErrorCode.BATCH_TOO_LARGE);
    }

    private static CertificateRequest request(DepartmentCode department, AnchorQueue.Waiting w) {
        return new CertificateRequest(CertificateId.of(w.certificateId()),
                org.pramaan.contract.id.DepartmentCode.of(department.value()), w.type(),
                ClaimsHash.of(w.claimsHash()), KeyId.of(w.kid()), w.expiresAt());
    }
}
