package org.pramaan.verifier.image;

import dev.failsafe.Bulkhead;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A bulkhead around image and PDF decoding: at most {@code concurrentDecodes} at once, so a few costly
 * uploads cannot take every core and gigabytes of memory from the cheap JSON checks. A caller that
 * finds every slot taken is not queued (a queue only moves the pile-up into memory) but told at once
 * to come back ({@link DecodersBusyException}, 503 with Retry-After). Failsafe's {@link Bulkhead} is
 * already the platform's resilience library (ledger, issuer-service, bridge).
 */
@Component
public class DecodeSlots {

    private static final Logger LOG = LoggerFactory.getLogger(DecodeSlots.class);

    private final Bulkhead<Object> bulkhead;
    private final long retryAfterSeconds;
    private final int slots;

    public DecodeSlots(DecodingProperties properties) {
        this.slots = properties.concurrentDecodes();
        this.bulkhead = Bulkhead.builder(slots).build();
        this.retryAfterSeconds = Math.max(1, properties.busyRetryAfter().toSeconds());
    }

    /** Runs {@code work} in a slot, or throws {@link DecodersBusyException} when none is free. */
    public <T> T run(Supplier<T> work) {
        if (!bulkhead.tryAcquirePermit()) {
            LOG.info("all {} decode slots busy; upload refused with Retry-After {} s", slots, retryAfterSeconds);
            throw new DecodersBusyException(retryAfterSeconds);
        }
        try {
            return work.get();
        } finally {
            bulkhead.releasePermit();
        }
    }
}
