package org.pramaan.issuer.rendering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.certificate.CertificateIssuer;
import org.pramaan.issuer.certificate.CertificateStatus;
import org.pramaan.issuer.certificate.Certificates;
import org.pramaan.issuer.certificate.SigningKeyUnavailableException;
import org.pramaan.issuer.delivery.DeliveryOutbox;
import org.pramaan.issuer.work.IssuerQueue;
import org.pramaan.issuer.work.QueueName;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.storage.ObjectStoreUnavailableException;
import org.pramaan.service.storage.StoredObject;
import org.pramaan.service.work.Backoff;
import org.pramaan.service.work.Lease;
import org.pramaan.service.work.LeasedWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the PDFs of certificates approved without one: claims rows of {@code issuer.render_outbox} with a lease,
 * renders the PDF/A and seals it with the key that signed the credential (by its kid), puts it in the object store
 * under the certificate's own key (a retry writes the same object), all with no transaction open, then in one short
 * settling transaction records the PDF on the certificate, removes the row and, if the certificate is already on
 * the ledger and not revoked, queues the citizen's ISSUED notice (otherwise anchoring queues it when it settles:
 * whichever of the two settles last does, and the row lock both take on the certificate orders them).
 *
 * <p>A rendering that fails (the key that signed the credential can no longer sign, e.g. revoked since; the store
 * unreachable) is counted in {@code pramaan.rendering.failures}, logged, and tried again with a backoff; the
 * certificate's PDF meanwhile answers {@code pdf-pending}.
 */
@Component
public class RenderingWorker implements IssuerQueue<RenderQueue.Waiting> {

    private static final Logger LOG = LoggerFactory.getLogger(RenderingWorker.class);

    private final RenderQueue queue;
    private final Certificates certificates;
    private final CertificateIssuer issuer;
    private final DeliveryOutbox deliveries;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final LeasedWorker.Settings settings;
    private final Backoff backoff;
    private final Counter rendered;
    private final Timer latency;
    private final MeterRegistry meters;

    public RenderingWorker(RenderQueue queue, Certificates certificates, CertificateIssuer issuer,
                           DeliveryOutbox deliveries, TransactionTemplate transactions, Clock clock,
                           RenderingSettings settings, MeterRegistry meters) {
        this.queue = queue;
        this.certificates = certificates;
        this.issuer = issuer;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
        this.settings = new LeasedWorker.Settings(settings.workers(), settings.batch(), settings.lease(),
                settings.pollInterval());
        this.backoff = new Backoff(settings.retryBackoff(), Duration.ofMinutes(5));
        Gauge.builder("pramaan.rendering.queue.depth", queue, RenderQueue::depth)
                .description("certificates approved whose PDF is still to be made").register(meters);
        Gauge.builder("pramaan.rendering.queue.oldest.age", queue, q -> q.oldestAgeSeconds(clock.instant()))
                .description("seconds the oldest certificate has waited for its PDF").baseUnit("seconds")
                .register(meters);
        this.rendered = Counter.builder("pramaan.rendering.rendered")
                .description("certificate PDFs rendered, sealed and stored").register(meters);
        this.latency = Timer.builder("pramaan.rendering.latency")
                .description("time from approval to the PDF recorded").publishPercentileHistogram().register(meters);
    }

    @Override
    public QueueName name() {
        return QueueName.RENDERING;
    }

    @Override
    public LeasedWorker.Settings settings() {
        return settings;
    }

    /**
     * The lowest: a PDF may wait while approvals are acknowledged and anchored. Under a burst the rendering backlog
     * took the CPU the anchoring needed (time to trust p99 10 s at 100 approvals/s on two cores); at the lowest
     * priority (nice 19 with {@code ./pramaan up}'s and the systemd unit's JVM options) it renders on what is left.
     */
    @Override
    public int threadPriority() {
        return Thread.MIN_PRIORITY;
    }

    @Override
    public List<RenderQueue.Waiting> claim(Lease lease, int limit) {
        return queue.claim(lease, clock.instant(), limit);
    }

    @Override
    public Optional<Instant> nextDue(Instant now) {
        return queue.nextDue();
    }

    @Override
    public void work(RenderQueue.Waiting w, Lease lease) {
        try (Correlation.Scope scope = Correlation.open(w.correlationId())) {
            Optional<Certificates.RenderInput> input = certificates.renderInput(w.certificateId());
            if (input.isEmpty()) {
                return; // cannot be: the row references the certificate
            }
            StoredObject stored = null;
            if (!certificates.pdfReady(w.certificateId())) {
                Certificates.RenderInput in = input.get();
                byte[] pdf;
                try {
                    pdf = issuer.render(in.certificate(), in.cose(), in.signatory(), in.holderLatin());
                    stored = certificates.storePdf(in.certificate().id(), pdf);
                } catch (RuntimeException e) {
                    failed(w, lease, in.certificate(), e);
                    return;
                }
            }
            StoredObject recorded = stored;
            transactions.executeWithoutResult(status -> settle(w, lease, recorded));
        }
    }

    private void settle(RenderQueue.Waiting w, Lease lease, StoredObject stored) {
        if (!queue.remove(w.certificateId(), lease.owner())) {
            // The lease ran out while rendering and another worker claimed the row: it writes the same object again
            // and records it.
            LOG.info("certificate {} rendered; another worker settles it", w.certificateId());
            return;
        }
        Instant now = clock.instant();
        if (stored != null && certificates.recordPdf(w.certificateId(), stored, now)) {
            rendered.increment();
        }
        // Read after the row lock recordPdf took: a revocation or an anchoring that committed first is seen here.
        Certificate c = certificates.find(w.certificateId()).orElseThrow();
        latency.record(Duration.between(c.issuedAt(), now));
        if (c.status() == CertificateStatus.REVOKED) {
            LOG.info("certificate {} was revoked before its PDF was made: the PDF is kept, no ISSUED notice",
                    c.id());
        } else if (c.anchored()) {
            deliveries.enqueue(c, DeliveryOutbox.Type.ISSUED, now);
        }
        LOG.info("certificate {} PDF ready ({} after approval)", c.id(), Duration.between(c.issuedAt(), now));
    }

    private void failed(RenderQueue.Waiting w, Lease lease, Certificate c, RuntimeException e) {
        String reason = e instanceof SigningKeyUnavailableException ? "key_unavailable"
                : e instanceof ObjectStoreUnavailableException ? "store_unavailable" : "error";
        meters.counter("pramaan.rendering.failures", "reason", reason).increment();
        if (e instanceof SigningKeyUnavailableException && certificates.find(c.id().value())
                .filter(now -> now.status() == CertificateStatus.REVOKED).isPresent()) {
            // Revoked (re-issued, when its key was withdrawn): nobody will be given this PDF; stop trying.
            transactions.executeWithoutResult(s -> queue.remove(w.certificateId(), lease.owner()));
            LOG.warn("certificate {} was revoked and its key cannot sign: its PDF will not be made ({})", c.id(),
                    e.getMessage());
            return;
        }
        Instant next = backoff.next(clock.instant(), w.attempts());
        transactions.executeWithoutResult(s -> queue.postpone(w.certificateId(), lease.owner(), next, e.getMessage()));
        if (e instanceof SigningKeyUnavailableException) {
            // The credential is signed by this key; the PDF must be too. An operator re-issues the certificate
            // (docs/operations.md, "A key revoked before its certificates' PDFs were made").
            LOG.error("certificate {}: its PDF cannot be sealed, the key that signed it ({}) cannot sign now; tried"
                    + " again at {} (attempt {}): {}", c.id(), c.kid(), next, w.attempts() + 1, e.getMessage());
        } else if (e instanceof ObjectStoreUnavailableException) {
            LOG.warn("certificate {}: its PDF could not be stored, tried again at {} (attempt {}): {}", c.id(), next,
                    w.attempts() + 1, e.getMessage());
        } else {
            LOG.error("certificate {}: rendering its PDF failed, tried again at {} (attempt {})", c.id(), next,
                    w.attempts() + 1, e);
        }
    }
}
