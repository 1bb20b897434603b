package org.pramaan.bridge.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.pramaan.service.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the inbox one event per transaction: the event's effects (conversation state, queued replies) and its
 * "processed" mark commit together, so a crash at any point leaves it either untouched or fully done.
 */
@Component
public class InboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboxWorker.class);
    private static final long IDLE_POLL_MILLIS = 500;

    private final Inbox inbox;
    private final InboundHandler handler;
    private final TransactionTemplate transactions;
    private final Semaphore signal = new Semaphore(0);
    private final Counter processed;
    private final Counter failed;
    private final Timer timer;
    private final boolean enabled;
    private final WorkerLoop loop;
    private volatile boolean running;

    public InboxWorker(Inbox inbox, InboundHandler handler, TransactionTemplate transactions, MeterRegistry meters,
            IngestPressure pressure,
            @org.springframework.beans.factory.annotation.Value("${pramaan.bridge.process-inbox:true}") boolean enabled) {
        this.enabled = enabled;
        this.loop = new WorkerLoop("inbox-worker", this::processOne,
                millis -> signal.tryAcquire(millis, TimeUnit.MILLISECONDS), IDLE_POLL_MILLIS, pressure);
        this.inbox = inbox;
        this.handler = handler;
        this.transactions = transactions;
        this.processed = meters.counter("bridge.inbox.processed");
        this.failed = meters.counter("bridge.inbox.failed");
        this.timer = meters.timer("bridge.inbox.processing");
    }

    /** Called after new events are stored, so they do not wait for the next poll. */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    /** Processes one event if there is one; returns false when the inbox is empty. */
    public boolean processOne() {
        Boolean did = transactions.execute(tx -> inbox.claimNext().map(stored -> {
            String outcome;
            Object savepoint = tx.createSavepoint();
            // A message logs under its WhatsApp id; the conversation adds its application's correlation id.
            String wamid = stored.event().kind() == InboxEvent.Kind.MESSAGE ? stored.event().key() : null;
            try (Correlation.Scope scope = Correlation.open(Correlation.WAMID_KEY, wamid)) {
                outcome = timer.record(() -> handler.handle(stored.event()));
            } catch (RuntimeException e) {
                // A poison event must not block the queue forever: undo its partial effects, record, move on.
                log.error("Inbound event {} failed; marked as failed", stored.event().key(), e);
                failed.increment();
                tx.rollbackToSavepoint(savepoint);
                inbox.markProcessed(stored.seq(), "FAILED: " + e);
                return true;
            }
            inbox.markProcessed(stored.seq(), outcome);
            processed.increment();
            return true;
        }).orElse(false));
        return Boolean.TRUE.equals(did);
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            log.warn("Inbox processing is switched off (pramaan.bridge.process-inbox=false): messages are only stored");
            return;
        }
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        loop.stop();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
