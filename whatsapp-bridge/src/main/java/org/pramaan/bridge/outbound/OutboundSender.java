package org.pramaan.bridge.outbound;

import org.pramaan.service.logging.PersonalNumbers;
import dev.failsafe.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.config.WhatsAppProperties;
import org.pramaan.bridge.issuer.IssuerClient;
import org.pramaan.bridge.webhook.IngestPressure;
import org.pramaan.bridge.webhook.WorkerLoop;
import org.pramaan.service.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends the outbox. Each round takes at most one message per citizen (the oldest pending), so a citizen's messages
 * keep their order while citizens proceed in parallel; a global smooth rate limiter holds the number's throughput.
 */
@Component
public class OutboundSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final int ROUND = 64;

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
    private final WorkerLoop loop;
    private ExecutorService pool;
    private long rounds;

    public OutboundSender(Outbox outbox, Citizens citizens, GraphClient graph, IssuerClient issuer,
            WindowTemplates templates, ObjectMapper json, MeterRegistry meters, Clock clock,
            WhatsAppProperties properties, OutboxSignal signal,
            IngestPressure pressure) {
        this.loop = new WorkerLoop("outbound-sender", this::round, signal::await, 200, pressure);
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

    /** One round; returns how many messages it looked at. */
    public int sendRound() throws InterruptedException {
        List<Outbox.Entry> round = outbox.nextRound(clock.instant(), ROUND);
        List<Future<?>> futures = new ArrayList<>();
        for (Outbox.Entry entry : round) {
            futures.add(pool.submit(() -> send(entry)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("Sending failed unexpectedly", e.getCause());
            }
        }
        return round.size();
    }

    void send(Outbox.Entry entry) {
        try (Correlation.Scope scope = Correlation.open(entry.correlationId())) {
            sendCorrelated(entry);
        }
    }

    private void sendCorrelated(Outbox.Entry entry) {
        Instant now = clock.instant();
        OutboundMessage message = entry.message();
        Citizen citizen = citizens.find(entry.citizenId()).orElse(null);
        if (citizen == null) {
            outbox.failed(entry.seq(), -1, "unknown citizen");
            return;
        }
        if (!message.isTemplate() && !message.isReceipt() && !citizen.windowOpen(now)) {
            outbox.waitForWindow(entry.seq());
            templates.ensureQueued(outbox, citizen, null);
            return;
        }
        if (!message.isReceipt()) {
            Instant later = pacer.tryTake(citizen.id());
            if (later != null) {
                outbox.deferUntil(entry.seq(), later);
                return;
            }
        }
        try {
            throughput.acquirePermit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            if ("issuer_document".equals(message.kind())) {
                message = upload(entry, message);
            }
            String wamid = graph.send(entry.recipient(), message);
            if (message.isReceipt()) {
                outbox.receiptSent(entry.seq());
            } else {
                outbox.accepted(entry.seq(), wamid);
                meters.counter("bridge.outbound.sent", "kind", message.kind()).increment();
                log.info("Message {} ({}) for {} accepted by WhatsApp as {}", entry.seq(), message.kind(),
                        PersonalNumbers.phone(entry.citizenId()), wamid);
            }
        } catch (GraphApiException e) {
            onError(entry, citizen, e);
        } catch (RuntimeException e) {
            // The issuer's PDF could not be fetched, or similar: transient until proven otherwise.
            retry(entry, -1, e.toString());
        }
    }

    private OutboundMessage upload(Outbox.Entry entry, OutboundMessage pending) {
        JsonNode p = json.readTree(pending.payload());
        String filename = p.path("filename").asString("certificate.pdf");
        byte[] pdf = issuer.pdf(p.path("pdfUrl").asString());
        String mediaId = graph.upload(pdf, "application/pdf", filename);
        OutboundMessage document = Replies.document(mediaId, filename, p.path("caption").asString(""));
        outbox.resolve(entry.seq(), document); // uploaded media ids live 30 days: a retry reuses it
        return document;
    }

    private void onError(Outbox.Entry entry, Citizen citizen, GraphApiException e) {
        if (entry.message().isReceipt()) {
            outbox.failed(entry.seq(), e.code(), e.getMessage()); // a lost read receipt is not worth a retry
            return;
        }
        switch (e.action()) {
            case RETRY -> retry(entry, e.code(), e.getMessage());
            case SLOW_DOWN_USER -> {
                pacer.drain(citizen.id());
                retry(entry, e.code(), e.getMessage());
            }
            case TEMPLATE -> {
                outbox.waitForWindow(entry.seq());
                templates.ensureQueued(outbox, citizen, null);
            }
            case DROP -> outbox.failed(entry.seq(), e.code(), e.getMessage());
            case ALERT_PARAMETER -> alert("parameter", entry, e);
            case ALERT_TOKEN -> alert("token", entry, e);
            case ALERT_TEMPLATE -> alert("template", entry, e);
        }
    }

    private void alert(String kind, Outbox.Entry entry, GraphApiException e) {
        log.error("ALERT [{}]: WhatsApp refused message {} for {}: {}", kind, entry.seq(), PersonalNumbers.phone(entry.citizenId()),
                e.getMessage());
        meters.counter("bridge.alerts", "kind", kind).increment();
        outbox.failed(entry.seq(), e.code(), e.getMessage());
    }

    private void retry(Outbox.Entry entry, int code, String error) {
        if (entry.attempts() + 1 >= MAX_ATTEMPTS) {
            log.error("Giving up on message {} for {} after {} attempts: {}", entry.seq(), PersonalNumbers.phone(entry.citizenId()),
                    MAX_ATTEMPTS, error);
            outbox.failed(entry.seq(), code, error);
            return;
        }
        long seconds = Math.min(300, 1L << Math.min(entry.attempts() + 1, 8));
        outbox.retryAt(entry.seq(), clock.instant().plusSeconds(seconds), code, error);
        meters.counter("bridge.outbound.retries").increment();
    }

    /** One round for the loop, forgetting idle citizens' pacing state now and then so it stays small. */
    private boolean round() throws InterruptedException {
        boolean worked = sendRound() > 0;
        if (++rounds % 1000 == 0) {
            pacer.forgetFull();
        }
        return worked;
    }

    @Override
    public void start() {
        pool = Executors.newFixedThreadPool(8, r -> new Thread(r, "outbound-send"));
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop();
        pool.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }
}
