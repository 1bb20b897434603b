package org.pramaan.issuer.anchoring;

import org.pramaan.issuer.ledger.DepartmentLedgers;
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
import java.util.Optional;
import org.pramaan.contract.certificate.CertificateHistory;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.IssueOutcome;
import org.pramaan.contract.id.KeyId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.delivery.DeliveryOutbox;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerException;
import org.pramaan.issuer.work.IssuerQueue;
import org.pramaan.issuer.work.QueueName;
import org.pramaan.issuer.work.WorkQueued;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.work.Backoff;
import org.pramaan.service.work.Lease;
import org.pramaan.service.work.LeasedWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves certificates from the anchoring outbox onto the ledger in batches, one ledger transaction per
 * department batch. A batch is claimed with a lease in one short statement, submitted with no database
 * transaction open, and settled in one short transaction (certificates marked anchored, outbox rows removed,
 * ISSUED notices queued for those whose PDF is ready, the rendering worker queuing the others) that touches
 * only rows still carrying this worker's lease. A crash anywhere leaves the rows to be claimed again once the lease ends, and the contract answers a repeated batch with "unchanged"
 * instead of anchoring twice.
 */
@Component
public class AnchoringWorker implements IssuerQueue<AnchoringWorker.Batch> {

    /** A department's certificates claimed together, for one ledger transaction. */
    public record Batch(DepartmentCode department, List<AnchorQueue.Waiting> certificates) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(AnchoringWorker.class);

    private final AnchorQueue queue;
    private final Certificates certificates;
    private final DeliveryOutbox deliveries;
    private final DepartmentLedgers ledgers;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final IssuerProperties.Ledger settings;
    private final Backoff backoff;
    private final LeasedWorker.Settings workerSettings;
    private final AnchoringLimits limits;
    private final DistributionSummary batchSize;
    private final Timer latency;
    private final Counter failures;
    /** Departments whose last batch was refused for its content: sent one by one to find the culprit. */
    private final Map<DepartmentCode, Integer> singlesLeft = new java.util.concurrent.ConcurrentHashMap<>();

    public AnchoringWorker(AnchorQueue queue, Certificates certificates, DeliveryOutbox deliveries,
                           DepartmentLedgers ledgers, TransactionTemplate transactions,
                           ApplicationEventPublisher events, Clock clock, IssuerProperties properties,
                           MeterRegistry meters, AnchoringLimits limits) {
        this.limits = limits;
        this.queue = queue;
        this.certificates = certificates;
        this.deliveries = deliveries;
        this.ledgers = ledgers;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.settings = properties.ledger();
        this.backoff = new Backoff(settings.retryBackoff(), Duration.ofMinutes(5));
        this.workerSettings = new LeasedWorker.Settings(settings.workers(), settings.batchSize(), settings.lease(),
                settings.pollInterval());
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

    @Override
    public QueueName name() {
        return QueueName.ANCHORING;
    }

    @Override
    public LeasedWorker.Settings settings() {
        return workerSettings;
    }

    /**
     * Claims one department's batch: a full one, or what has waited {@code ANCHOR_MAX_WAIT} (the batch fills no
     * longer); while a refused batch is being isolated, one certificate at a time.
     */
    @Override
    public List<Batch> claim(Lease lease, int limit) {
        Instant now = clock.instant();
        Optional<DepartmentCode> department = queue.departmentToAnchor(now, limit, now.minus(settings.maxWait()));
        if (department.isEmpty()) {
            return List.of();
        }
        boolean isolating = singlesLeft.getOrDefault(department.get(), 0) > 0;
        List<AnchorQueue.Waiting> claimed = queue.claimBatch(department.get(), lease, now, isolating ? 1 : limit);
        return claimed.isEmpty() ? List.of() : List.of(new Batch(department.get(), claimed));
    }

    /** When the oldest waiting certificate's batch is cut by time, or a retry comes due: the idle thread wakes then. */
    @Override
    public Optional<Instant> nextDue(Instant now) {
        return queue.nextDue(now, settings.maxWait());
    }

    /** Submits the batch with no database transaction open, then settles it in a short one. */
    @Override
    public void work(Batch batch, Lease lease) {
        DepartmentCode department = batch.department();
        Ledger ledger;
        Committed<IssueOutcome> committed;
        Map<String, String> unchangedTx;
        try {
            ledger = ledgers.forDepartment(department);
            committed = ledger.issue(batch.certificates().stream().map(w -> request(department, w)).toList());
            unchangedTx = earlierTransactions(ledger, committed);
        } catch (RuntimeException e) {
            failed(batch, lease, e);
            return;
        }
        singlesLeft.computeIfPresent(department, (d, n) -> n > 1 ? n - 1 : null);
        transactions.executeWithoutResult(status -> settle(batch, lease, committed, unchangedTx));
    }

    private void failed(Batch batch, Lease lease, RuntimeException e) {
        DepartmentCode department = batch.department();
        List<String> attempted = batch.certificates().stream().map(AnchorQueue.Waiting::certificateId).toList();
        failures.increment();
        singlesLeft.computeIfPresent(department, (d, n) -> n > 1 ? n - 1 : null);
        if (attempted.size() > 1 && refusedForContent(e)) {
            // One bad certificate must not hold back the rest: retry them one by one at once.
            singlesLeft.put(department, attempted.size());
            queue.release(attempted, lease.owner());
            LOG.warn("the ledger refused a batch of {} certificates of {}; retrying them one by one: {}",
                    attempted.size(), department, e.getMessage());
            return;
        }
        int attempts = batch.certificates().stream().mapToInt(AnchorQueue.Waiting::attempts).max().orElse(0);
        Instant next = backoff.next(clock.instant(), attempts);
        List<String> parked = transactions.execute(s -> queue.postpone(attempted, lease.owner(), next, e.getMessage(),
                limits.maxAttempts(), clock.instant()));
        LOG.warn("anchoring {} certificates of {} failed, kept queued until {}: {}", attempted.size(), department,
                next, e.getMessage());
        if (parked != null && !parked.isEmpty()) {
            // Given up on: an operator decides (the console lists them); no retry for ever.
            LOG.error("anchoring gave up on {} certificates of {} after {} attempts, parked: {}; last error: {}",
                    parked.size(), department, limits.maxAttempts(), parked, e.getMessage());
        }
    }

    /** The transactions of certificates anchored by an earlier attempt whose outcome this service never recorded. */
    private static Map<String, String> earlierTransactions(Ledger ledger, Committed<IssueOutcome> committed) {
        Map<String, String> unchangedTx = new HashMap<>();
        for (CertificateId id : committed.value().unchanged()) {
            List<CertificateHistory.Entry> entries = ledger.history(id.value()).history();
            unchangedTx.put(id.value(), entries.isEmpty() ? committed.transactionId() : entries.get(entries.size() - 1).txId());
        }
        return unchangedTx;
    }

    /**
     * Settles a committed batch in a few statements whatever its size: the outbox rows still carrying this worker's
     * lease removed at once, their certificates locked and read (with whether each PDF exists) at once, the anchors
     * recorded at once; the notices go out one by one, for certificates whose PDF is ready.
     */
    private void settle(Batch batch, Lease lease, Committed<IssueOutcome> committed, Map<String, String> unchangedTx) {
        Instant now = clock.instant();
        List<String> ids = batch.certificates().stream().map(AnchorQueue.Waiting::certificateId).toList();
        java.util.Set<String> owned = queue.removeAll(ids, lease.owner());
        Map<String, Certificates.Locked> locked = new HashMap<>();
        for (Certificates.Locked l : certificates.lockForSettling(List.copyOf(owned))) {
            locked.put(l.certificate().id().value(), l);
        }
        List<org.pramaan.issuer.certificate.Certificate> anchored = new java.util.ArrayList<>();
        int settled = 0;
        for (AnchorQueue.Waiting w : batch.certificates()) {
            // One batch holds many citizens' certificates: each is logged under its own application's id.
            try (Correlation.Scope scope = Correlation.open(w.correlationId())) {
                String earlier = unchangedTx.get(w.certificateId());
                String transaction = earlier != null ? earlier : committed.transactionId();
                if (!owned.contains(w.certificateId())) {
                    // The lease ran out during the ledger call and another worker claimed the row: it sends the
                    // certificate again, the ledger answers "unchanged", and that worker records it.
                    LOG.info("certificate {} is on the ledger (transaction {}); another worker settles it",
                            w.certificateId(), transaction);
                    continue;
                }
                Long block = earlier != null ? null : committed.blockNumber();
                Certificates.Locked row = locked.get(w.certificateId());
                if (row != null) {
                    var c = row.certificate();
                    if (c.anchor(transaction, block, now)) {
                        anchored.add(c);
                    }
                    // The citizen hears of a certificate once it is on the ledger AND its PDF exists (the rendering
                    // worker queues the notice when it settles last), and never of a revoked one as a fresh one.
                    if (c.status() != org.pramaan.issuer.certificate.CertificateStatus.REVOKED && row.pdfReady()) {
                        deliveries.enqueue(c, DeliveryOutbox.Type.ISSUED, now);
                    }
                }
                latency.record(Duration.between(w.issuedAt(), now));
                settled++;
                LOG.info("certificate {} anchored in transaction {}", w.certificateId(), transaction);
            }
        }
        certificates.recordAnchors(anchored);
        batchSize.record(batch.certificates().size());
        // Revocations and holds wait for their certificate's ledger record: some may go now.
        events.publishEvent(new WorkQueued(QueueName.REVOCATION));
        events.publishEvent(new WorkQueued(QueueName.HOLD));
        LOG.info("anchored {} certificates in transaction {} (block {}, {} already on the ledger, {} settled here)",
                batch.certificates().size(), committed.transactionId(), committed.blockNumber(), unchangedTx.size(),
                settled);
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
