package org.pramaan.network.ordering;

import java.time.Duration;

/**
 * When the orderer cuts a block, with the meaning of Fabric's channel configuration (configtx.yaml
 * Orderer.BatchSize.MaxMessageCount, Orderer.BatchTimeout): as soon as {@code maxMessageCount}
 * envelopes wait, or {@code batchTimeout} after the first of a batch arrived.
 */
public record BatchSettings(int maxMessageCount, Duration batchTimeout) {

    public BatchSettings {
        if (maxMessageCount < 1) {
            throw new IllegalArgumentException("maxMessageCount must be at least 1, got " + maxMessageCount);
        }
        if (batchTimeout.isNegative() || batchTimeout.isZero()) {
            throw new IllegalArgumentException("batchTimeout must be positive, got " + batchTimeout);
        }
    }

    public static BatchSettings defaults() {
        return new BatchSettings(500, Duration.ofMillis(200));
    }
}
