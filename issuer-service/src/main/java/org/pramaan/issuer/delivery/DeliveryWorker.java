package org.pramaan.issuer.delivery;

import dev.failsafe.CircuitBreaker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.work.IssuerQueue;
import org.pramaan.issuer.work.QueueName;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.service.work.Backoff;
import org.pramaan.service.work.Lease;
import org.pramaan.service.work.LeasedWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends due notifications to the bridge, at least once: a row is claimed with a lease, sent with no transaction
 * open, and marked delivered only after the bridge said 2xx, so a crash in between sends it again, with the same
 * {@code deliveryId} (the bridge deduplicates on it). Failed rows wait with exponential backoff. After a failure the
 * bridge is taken to be down for a moment (a circuit breaker): the rest of the claim is freed untried instead of
 * spending a timeout each.
 */
@Component
public class DeliveryWorker implements IssuerQueue<DeliveryOutbox.Pending> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final DeliveryOutbox outbox;
    private final BridgeClient bridge;
    private final Clock clock;
    private final Backoff backoff;
    private final CircuitBreaker<Object> bridgeDown;
    private final LeasedWorker.Settings settings;

    public DeliveryWorker(DeliveryOutbox outbox, BridgeClient bridge, Clock clock, IssuerProperties properties) {
        this.outbox = outbox;
        this.bridge = bridge;
        this.clock = clock;
        IssuerProperties.Bridge b = properties.bridge();
        this.backoff = new Backoff(b.retryBackoff(), Duration.ofMinutes(10));
        this.bridgeDown = CircuitBreaker.builder().withFailureThreshold(1).withDelay(b.retryBackoff()).build();
        this.settings = new LeasedWorker.Settings(b.workers(), b.batch(), b.lease(), b.pollInterval());
    }

    @Override
    public QueueName name() {
        return QueueName.DELIVERY;
    }

    @Override
    public LeasedWorker.Settings settings() {
        return settings;
    }

    @Override
    public List<DeliveryOutbox.Pending> claim(Lease lease, int limit) {
        return outbox.claimDue(lease, clock.instant(), limit);
    }

    @Override
    public void work(DeliveryOutbox.Pending p, Lease lease) {
        try (Correlation.Scope scope = Correlation.open(p.correlationId())) {
            if (!bridgeDown.tryAcquirePermit()) {
                Instant next = clock.instant().plus(bridgeDown.getRemainingDelay());
                outbox.notTried(p.id(), lease.owner(), next);
                return;
            }
            try {
                bridge.send(p.payload(), p.correlationId());
            } catch (RuntimeException e) {
                bridgeDown.recordFailure();
                Instant next = backoff.next(clock.instant(), p.attempts());
                if (outbox.failed(p.id(), lease.owner(), next, e.getMessage())) {
                    LOG.warn("delivery {} about {} failed (attempt {}), next try at {}: {}", p.deliveryId(),
                            p.subject(), p.attempts() + 1, next, e.getMessage());
                } else {
                    LOG.info("delivery {} about {} failed, and another worker holds it now: {}", p.deliveryId(),
                            p.subject(), e.getMessage());
                }
                return;
            }
            bridgeDown.recordSuccess();
            if (outbox.delivered(p.id(), lease.owner(), clock.instant())) {
                LOG.info("delivery {} about {} accepted by the bridge", p.deliveryId(), p.subject());
            } else {
                // The lease ran out while the bridge answered and another worker took the row: it sends the same
                // deliveryId again, which the bridge drops.
                LOG.info("delivery {} about {} accepted by the bridge; another worker settles it", p.deliveryId(),
                        p.subject());
            }
        }
    }
}
