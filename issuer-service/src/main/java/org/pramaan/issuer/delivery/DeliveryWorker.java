package org.pramaan.issuer.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.service.correlation.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due notifications to the bridge, at least once: a row is marked delivered only after the
 * bridge said 2xx, so a crash in between sends it again, with the same {@code deliveryId} (the
 * bridge deduplicates on it). Failed rows wait with exponential backoff.
 */
@Component
public class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final int BATCH = 20;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(10);

    private final DeliveryOutbox outbox;
    private final BridgeClient bridge;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration backoff;

    public DeliveryWorker(DeliveryOutbox outbox, BridgeClient bridge, TransactionTemplate transactions, Clock clock,
                          IssuerProperties properties) {
        this.outbox = outbox;
        this.bridge = bridge;
        this.transactions = transactions;
        this.clock = clock;
        this.backoff = properties.bridge().retryBackoff();
    }

    /** Sends one batch; returns how many the bridge accepted. */
    public int deliverDue() {
        Integer sent = transactions.execute(status -> {
            int ok = 0;
            List<DeliveryOutbox.Pending> due = outbox.lockDue(clock.instant(), BATCH);
            for (DeliveryOutbox.Pending p : due) {
                try (Correlation.Scope scope = Correlation.open(p.correlationId())) {
                    if (!deliver(p)) {
                        // The bridge is likely down: stop this round rather than hold the rows through more timeouts.
                        break;
                    }
                    ok++;
                }
            }
            return ok;
        });
        return sent == null ? 0 : sent;
    }

    private boolean deliver(DeliveryOutbox.Pending p) {
        try {
            bridge.send(p.payload(), p.correlationId());
            outbox.delivered(p.id(), clock.instant());
            LOG.info("delivery {} about {} accepted by the bridge", p.deliveryId(), p.subject());
            return true;
        } catch (RuntimeException e) {
            Duration wait = backoff.multipliedBy(1L << Math.min(p.attempts(), 16));
            Instant next = clock.instant().plus(wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait);
            outbox.failed(p.id(), next, e.getMessage());
            LOG.warn("delivery {} about {} failed (attempt {}), next try at {}: {}", p.deliveryId(),
                    p.subject(), p.attempts() + 1, next, e.getMessage());
            return false;
        }
    }
}
