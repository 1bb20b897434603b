package org.pramaan.issuer.rendering;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
 * Makes the PDFs of certificates approved without one: claims rows of {@code issuer.render_outbox} with a lease, a
 * batch at a time, renders each PDF/A and seals it with the key that signed the credential (by its kid) on the
 * worker's thread, and puts it in the object store under the certificate's own key (a retry writes the same object)
 * on a store thread while the next one renders, all with no transaction open; then in one short settling
 * transaction for the batch records the PDFs on their certificates, removes the rows and, for each certificate
 * already on the ledger and not revoked, queues the citizen's ISSUED notice (otherwise anchoring queues it when it
 * settles: whichever of the two settles last does, and the row locks both take on the certificates, in id order,
 * order them).
 *
 * <p>Why the batch: one thread renders, and the object store's answer (a round trip to the store; tens of
 * milliseconds to a remote one) and a commit per certificate made that thread wait as long as it rendered. Now the
 * thread renders while the puts are in flight, and the batch costs one commit.
 *
 * <p>A rendering that fails (the key that signed the credential can no longer sign, e.g. revoked since; the store
 * unreachable) is counted in {@code pramaan.rendering.failures}, logged, and tried again with a backoff; the
 * certificate's PDF meanwhile answers {@code pdf-pending}. The rest of its batch is settled as usual.
 */
@Component
public class RenderingWorker implements IssuerQueue<RenderingWorker.Batch>, AutoCloseable {

    /** Certificates claimed together: rendered one after another, settled in one transaction. */
    public record Batch(List<RenderQueue.Waiting> certificates) {
    }

    /** A certificate of the batch whose PDF is stored (or was already), waiting to be settled. */
    private record Stored(RenderQueue.Waiting waiting, StoredObject pdf) {
    }

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
    /** The object store's puts: at most a batch per rendering thread in flight. */
    private final ExecutorService puts;

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
        this.puts = storeThreads(Math.min(64, settings.workers() * settings.batch()));
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

    /** Threads that wait on the store, not the CPU: they end after a minute idle. */
    private static ExecutorService storeThreads(int threads) {
        AtomicInteger number = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, "pdf-store-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
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
    public List<Batch> claim(Lease lease, int limit) {
        List<RenderQueue.Waiting> claimed = queue.claim(lease, clock.instant(), limit);
        return claimed.isEmpty() ? List.of() : List.of(new Batch(claimed));
    }

    @Override
    public Optional<Instant> nextDue(Instant now) {
        return queue.nextDue();
    }

    @Override
    public void work(Batch batch, Lease lease) throws InterruptedException {
        Map<String, Certificates.RenderInput> inputs = new HashMap<>();
        for (Certificates.RenderInput in : certificates.renderInputs(
                batch.certificates().stream().map(RenderQueue.Waiting::certificateId).toList())) {
            inputs.put(in.certificate().id().value(), in);
        }
        Map<RenderQueue.Waiting, Future<StoredObject>> storing = new LinkedHashMap<>();
        for (RenderQueue.Waiting w : batch.certificates()) {
            Certificates.RenderInput in = inputs.get(w.certificateId());
            if (in == null) {
                continue; // cannot be: the row references the certificate
            }
            if (!clock.instant().isBefore(lease.until())) {
                // The batch took the whole lease: the rest may be someone else's by now, and are claimed again.
                LOG.info("rendering lease of {} ended with certificates unrendered; they go back to the queue",
                        lease.owner());
                break;
            }
            if (in.pdfReady()) {
                storing.put(w, CompletableFuture.completedFuture(null));
                continue;
            }
            try (Correlation.Scope scope = Correlation.open(w.correlationId())) {
                byte[] pdf = issuer.render(in.certificate(), in.cose(), in.signatory(), in.holderLatin());
                storing.put(w, puts.submit(() -> store(w, in.certificate(), pdf)));
            } catch (RuntimeException e) {
                failed(w, lease, in.certificate(), e);
            }
        }
        List<Stored> stored = new ArrayList<>();
        for (Map.Entry<RenderQueue.Waiting, Future<StoredObject>> put : storing.entrySet()) {
            RenderQueue.Waiting w = put.getKey();
            try {
                stored.add(new Stored(w, put.getValue().get()));
            } catch (ExecutionException e) {
                try (Correlation.Scope scope = Correlation.open(w.correlationId())) {
                    failed(w, lease, inputs.get(w.certificateId()).certificate(),
                            e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
                }
            }
        }
        if (!stored.isEmpty()) {
            transactions.executeWithoutResult(status -> settle(stored, lease));
        }
    }

    private StoredObject store(RenderQueue.Waiting w, Certificate certificate, byte[] pdf) {
        try (Correlation.Scope scope = Correlation.open(w.correlationId())) {
            return certificates.storePdf(certificate.id(), pdf);
        }
    }

    private void settle(List<Stored> batch, Lease lease) {
        Set<String> owned = queue.removeAll(batch.stream().map(s -> s.waiting().certificateId()).toList(),
                lease.owner());
        // Locked in id order, as anchoring locks them: a revocation or an anchoring that committed first is seen
        // here, and one that comes later sees the PDF recorded.
        Map<String, Certificates.Locked> locked = new HashMap<>();
        for (Certificates.Locked l : certificates.lockForSettling(List.copyOf(owned))) {
            locked.put(l.certificate().id().value(), l);
        }
        Instant now = clock.instant();
        for (Stored s : batch) {
            String id = s.waiting().certificateId();
            try (Correlation.Scope scope = Correlation.open(s.waiting().correlationId())) {
                Certificates.Locked row = locked.get(id);
                if (row == null) {
                    // The lease ran out while rendering and another worker claimed the row: it writes the same
                    // object again and records it.
                    LOG.info("certificate {} rendered; another worker settles it", id);
                    continue;
                }
                if (s.pdf() != null && certificates.recordPdf(id, s.pdf(), now)) {
                    rendered.increment();
                }
                Certificate c = row.certificate();
                latency.record(Duration.between(c.issuedAt(), now));
                if (c.status() == CertificateStatus.REVOKED) {
                    LOG.info("certificate {} was revoked before its PDF was made: the PDF is kept, no ISSUED notice",
                            c.id());
                } else if (c.anchored()) {
                    deliveries.enqueue(c, DeliveryOutbox.Type.ISSUED, now);
                }
                LOG.info("certificate {} PDF ready ({} after approval)", c.id(), Duration.between(c.issuedAt(), now));
            }
        }
    }

    @Override
    public void close() {
        puts.shutdownNow();
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
