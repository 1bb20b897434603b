package org.pramaan.issuer.anchoring;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.delivery.DeliveryWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the anchoring and delivery loops on their own threads from start to shutdown. A failing
 * round is logged and the next one runs on schedule: the work stays queued in the database.
 */
@Component
public class BackgroundWorkers implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorkers.class);

    private final AnchoringWorker anchoring;
    private final DeliveryWorker delivery;
    private final HoldRecorder holds;
    private final IssuerProperties properties;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    public BackgroundWorkers(AnchoringWorker anchoring, DeliveryWorker delivery, HoldRecorder holds,
                             IssuerProperties properties, @Value("${pramaan.workers.enabled:true}") boolean enabled) {
        this.anchoring = anchoring;
        this.holds = holds;
        this.delivery = delivery;
        this.properties = properties;
        this.enabled = enabled;
    }

    @Override
    public synchronized void start() {
        if (!enabled || executor != null) {
            return;
        }
        executor = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "issuer-worker");
            t.setDaemon(true);
            return t;
        });
        long ledgerEvery = properties.ledger().pollInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> guard("anchoring", () -> {
            anchoring.anchorDue();
            holds.recordDue();
            anchoring.revokeDue();
        }), ledgerEvery, ledgerEvery, TimeUnit.MILLISECONDS);
        long bridgeEvery = properties.bridge().pollInterval().toMillis();
        executor.scheduleWithFixedDelay(() -> guard("delivery", delivery::deliverDue), bridgeEvery, bridgeEvery,
                TimeUnit.MILLISECONDS);
    }

    private static void guard(String name, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.warn("{} round failed, trying again next round: {}", name, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
