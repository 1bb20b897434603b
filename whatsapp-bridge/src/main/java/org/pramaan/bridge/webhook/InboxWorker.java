package org.pramaan.bridge.webhook;

import org.pramaan.bridge.pace.IngestPressure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import org.pramaan.bridge.conversation.ConcurrentTurn;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.work.Lease;
import org.pramaan.service.work.LeasedWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the inbox on several threads: each claims with a lease the first unprocessed event of some citizen (so one
 * citizen's messages are worked in order, different citizens' in parallel), works it outside any transaction (the
 * issuer's answer may take seconds), and settles it in one short transaction that checks the lease is still its own
 * and writes the event's effects (conversation state, queued replies) with its "processed" mark. A crash at any
 * point leaves the event either untouched or fully done; a worker that lost its lease writes nothing.
 */
@Component
public class InboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(500);
    /** One event per claim: a thread waiting for a slow issuer holds up no other citizen's event. */
    private static final int ONE_EVENT = 1;

    private final Inbox inbox;
    private final InboundHandler handler;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final InboxProperties properties;
    private final Counter processed;
    private final Counter failed;
    private final Counter retaken;
    private final Timer timer;
    private final LeasedWorker<Inbox.Claimed> worker;
    private volatile boolean running;

    public InboxWorker(Inbox inbox, InboundHandler handler, TransactionTemplate transactions, MeterRegistry meters,
            IngestPressure pressure, Clock clock, InboxProperties properties) {
        this.inbox = inbox;
        this.handler = handler;
        this.transactions = transactions;
        this.clock = clock;
        this.properties = properties;
        this.processed = meters.counter("bridge.inbox.processed");
        this.failed = meters.counter("bridge.inbox.failed");
        this.retaken = meters.counter("bridge.inbox.lease.lost");
        this.timer = meters.timer("bridge.inbox.processing");
        this.worker = new LeasedWorker<>("inbox", (lease, limit) -> inbox.claim(lease, clock.instant(), limit),
                this::work, new LeasedWorker.Settings(properties.workers(), ONE_EVENT, properties.lease(), IDLE_POLL),
                clock, pressure);
    }

    /** Called after new events are stored, so they do not wait for the next poll. */
    public void wake() {
        worker.wake();
    }

    private void work(Inbox.Claimed claimed, Lease lease) {
        InboxEvent event = claimed.event();
        if (claimed.attempts() > properties.maxAttempts()) {
            // Claimed this often and never settled: it brings its worker down. It must not hold its citizen for ever.
            fail(claimed, lease, "FAILED: not settled after " + properties.maxAttempts() + " claims");
            return;
        }
        // A message logs under its WhatsApp id; the conversation adds its application's correlation id.
        String wamid = event.kind() == InboxEvent.Kind.MESSAGE ? event.key() : null;
        try (Correlation.Scope scope = Correlation.open(Correlation.WAMID_KEY, wamid)) {
            Timer.Sample sample = Timer.start();
            InboundHandler.Effects effects = handler.prepare(event);
            Boolean settled = transactions.execute(tx -> {
                if (!inbox.holds(claimed.seq(), lease)) {
                    return false;
                }
                inbox.markProcessed(claimed.seq(), effects.apply());
                return true;
            });
            sample.stop(timer);
            if (Boolean.TRUE.equals(settled)) {
                processed.increment();
            } else {
                retaken.increment();
                log.warn("Inbound event {} was taken over by another worker before it settled; its effects dropped",
                        event.key());
            }
        } catch (ConcurrentTurn e) {
            log.info("Inbound event {} is worked again: {}", event.key(), e.getMessage());
            inbox.release(claimed.seq(), lease);
        } catch (RuntimeException e) {
            // A poison event must not block its citizen for ever: its partial effects rolled back, record, move on.
            log.error("Inbound event {} failed; marked as failed", event.key(), e);
            fail(claimed, lease, "FAILED: " + e);
        }
    }

    private void fail(Inbox.Claimed claimed, Lease lease, String outcome) {
        Boolean settled = transactions.execute(tx -> {
            if (!inbox.holds(claimed.seq(), lease)) {
                return false;
            }
            inbox.markProcessed(claimed.seq(), outcome);
            return true;
        });
        if (Boolean.TRUE.equals(settled)) {
            failed.increment();
        }
    }

    @Override
    public void start() {
        running = true;
        if (!properties.enabled()) {
            log.warn("Inbox processing is switched off (pramaan.bridge.inbox.enabled=false): messages are only stored");
            return;
        }
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
