package org.pramaan.network.chaincode;

import java.time.Duration;
import java.util.Objects;

/**
 * The bounds of one chaincode connection, so that a misbehaving chaincode or a burst of clients
 * cannot take the peer's memory or threads.
 *
 * @param maxMessageBytes           largest message accepted from the chaincode server
 * @param maxConcurrentTransactions transactions on the stream at once; more wait up to their timeout
 * @param totalQueryLimit           most results one range query returns (Fabric core.yaml
 *                                  {@code ledger.state.totalQueryLimit})
 * @param reconnectMin              first pause before dialling again after the stream broke
 * @param reconnectMax              longest pause (the pause doubles up to it)
 */
public record ChaincodeLimits(int maxMessageBytes, int maxConcurrentTransactions, int totalQueryLimit,
                              Duration reconnectMin, Duration reconnectMax) {

    /** Fabric's batch between peer and shim (F core.yaml {@code chaincode... maxResultLimit} is 100). */
    public static final int QUERY_BATCH = 100;

    public ChaincodeLimits {
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        if (maxMessageBytes < 1024 || maxConcurrentTransactions < 1 || totalQueryLimit < 1) {
            throw new IllegalArgumentException("limits must be positive (message at least 1 KiB)");
        }
        if (reconnectMin.isNegative() || reconnectMin.isZero() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("need 0 < reconnectMin <= reconnectMax");
        }
    }

    /** 100 MiB messages as Fabric's peer, 256 transactions, 100000 results, 100 ms to 2 s between dials. */
    public static ChaincodeLimits defaults() {
        return new ChaincodeLimits(100 * 1024 * 1024, 256, 100_000, Duration.ofMillis(100), Duration.ofSeconds(2));
    }
}
