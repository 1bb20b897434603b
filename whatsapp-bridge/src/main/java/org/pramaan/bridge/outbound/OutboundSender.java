package org.pramaan.bridge.outbound;

import org.pramaan.service.logging.PersonalNumbers;
import dev.failsafe.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.config.WhatsAppProperties;
import org.pramaan.bridge.issuer.IssuerClient;
import org.pramaan.bridge.pace.IngestPressure;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.work.Backoff;
import org.pramaan.service.work.Lease;
import org.pramaan.service.work.LeasedWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends the outbox on several threads. Each claims with a lease at most one message per citizen (the oldest pending),
 * so a citizen's messages keep their order while citizens proceed in parallel, sends outside any transaction and
 * settles each message with a write that checks the lease is still its own: two bridge processes never send one
 * message at the same time. A global smooth rate limiter holds the number's throughput.
 */
@Component
public class OutboundSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    /** 2 s after the first failure, doubling, at most 5 minutes. */
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5));

    private final Outbox outbox;
    private final Citizens citizens;
    private final GraphClient graph;
    private final IssuerClient issuer;
    private final WindowTemplates templates;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private final Clock clock;
    private final CitizenPacer pacer;
    private final RateLimiter<Object> throughput;
    private final LeasedWorker<Outbox.Entry> worker;
    private final AtomicLong claims = new AtomicLong();

    public OutboundSender(Outbox outbox, Citizens citizens, GraphClient graph, IssuerClient issuer,
            WindowTemplates templates, ObjectMapper json, MeterRegistry meters, Clock clock,
            WhatsAppProperties properties, OutboxSignal signal,
            IngestPressure pressure, SenderProperties sender) {
        this.worker = new LeasedWorker<>("outbound", this::claim, (entry, lease) -> send(entry, lease),
                new LeasedWorker.Settings(sender.workers(), sender.batch(), sender.lease(), IDLE_POLL), clock,
                pressure);
        signal.listen(worker::wake);
        this.outbox = outbox;
        this.citizens = citizens;
        this.graph = graph;
        this.issuer = issuer;
        this.templates = templates;
        this.json = json;
        this.meters = meters;
        this.clock = clock;
        this.pacer = new CitizenPacer(properties.perUserBurst(), properties.perUserInterval(), clock);
        this.throughput = RateLimiter.smoothBuilder(properties.messagesPerSecond(), Duration.ofSeconds(1))
                .withMaxWaitTime(Duration.ofSeconds(5)).build();
    }

    void send(Outbox.Entry entry, Lease lease) {
        try (Correlation.Scope scope = Correlation.open(entry.correlationId())) {
            sendCorrelated(entry, lease);
        }
    }

    private void sendCorrelated(Outbox.Entry entry, Lease lease) {
        Instant now = clock.instant();
        OutboundMessage message = entry.message();
        Citizen citizen = citizens.find(entry.citizenId()).orElse(null);
        if (citizen == null) {
            outbox.failed(entry.seq(), lease, -1, "unknown citizen");
            return;
        }
        if (!message.isTemplate() && !message.isReceipt() && !citizen.windowOpen(now)) {
            outbox.waitForWindow(entry.seq(), lease);
            templates.ensureQueued(outbox, citizen, null);
            return;
        }
        if (!message.isReceipt()) {
            Instant later = pacer.tryTake(citizen.id());
            if (later != null) {
                outbox.deferUntil(entry.seq(), lease, later);
                return;
            }
        }
        try {
            throughput.acquirePermit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // stopping: the lease runs out and the message is sent after the restart
        }
        try {
            if ("issuer_document".equals(message.kind())) {
                message = upload(entry, lease, message);
            }
            String wamid = graph.send(entry.recipient(), message);
            if (message.isReceipt()) {
                outbox.receiptSent(entry.seq(), lease);
            } else {
                outbox.accepted(entry.seq(), lease, wamid);
                meters.counter("bridge.outbound.sent", "kind", message.kind()).increment();
                log.info("Message {} ({}) for {} accepted by WhatsApp as {}", entry.seq(), message.kind(),
                        PersonalNumbers.phone(entry.citizenId()), wamid);
            }
        } catch (GraphApiException e) {
            onError(entry, lease, citizen, e);
        } catch (RuntimeException e) {
            // The issuer's PDF could not be fetched, or similar: transient until proven otherwise.
            retry(entry, lease, -1, e.toString());
        }
    }

    private OutboundMessage upload(Outbox.Entry entry, Lease lease, OutboundMessage pending) {
        JsonNode p = json.readTree(pending.payload());
        String filename = p.path("filename").asString("certificate.pdf");
        byte[] pdf = issuer.pdf(p.path("pdfUrl").asString());
        String mediaId = graph.upload(pdf, "application/pdf", filename);
        OutboundMessage document = Replies.document(mediaId, filename, p.path("caption").asString(""));
        outbox.resolve(entry.seq(), lease, document); // uploaded media ids live 30 days: a retry reuses it
        return document;
    }

    private void onError(Outbox.Entry entry, Lease lease, Citizen citizen, GraphApiException e) {
        if (entry.message().isReceipt()) {
            outbox.failed(entry.seq(), lease, e.code(), e.getMessage()); // a lost read receipt is not worth a retry
            return;
        }
        switch (e.action()) {
            case RETRY -> retry(entry, lease, e.code(), e.getMessage());
            case SLOW_DOWN_USER -> {
                pacer.drain(citizen.id());
                retry(entry, lease, e.code(), e.getMessage());
            }
            case TEMPLATE -> {
                outbox.waitForWindow(entry.seq(), lease);
                templates.ensureQueued(outbox, citizen, null);
            }
            case DROP -> outbox.failed(entry.seq(), lease, e.code(), e.getMessage());
            case ALERT_PARAMETER -> alert("parameter", entry, lease, e);
            case ALERT_TOKEN -> alert("token", entry, lease, e);
            case ALERT_TEMPLATE -> alert("template", entry, lease, e);
        }
    }

    private void alert(String kind, Outbox.Entry entry, Lease lease, GraphApiException e) {
        log.error("ALERT [{}]: WhatsApp refused message {} for {}: {}", kind, entry.seq(), PersonalNumbers.phone(entry.citizenId()),
                e.getMessage());
        meters.counter("bridge.alerts", "kind", kind).increment();
        outbox.failed(entry.seq(), lease, e.code(), e.getMessage());
    }

    private void retry(Outbox.Entry entry, Lease lease, int code, String error) {
        if (entry.attempts() + 1 >= MAX_ATTEMPTS) {
            log.error("Giving up on message {} for {} after {} attempts: {}", entry.seq(), PersonalNumbers.phone(entry.citizenId()),
                    MAX_ATTEMPTS, error);
            outbox.failed(entry.seq(), lease, code, error);
            return;
        }
        outbox.retryAt(entry.seq(), lease, BACKOFF.next(clock.instant(), entry.attempts()), code, error);
        meters.counter("bridge.outbound.retries").increment();
    }

    /** One claim, forgetting idle citizens' pacing state now and then so it stays small. */
    private java.util.List<Outbox.Entry> claim(Lease lease, int limit) {
        if (claims.incrementAndGet() % 1000 == 0) {
            pacer.forgetFull();
        }
        return outbox.claim(lease, clock.instant(), limit);
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
