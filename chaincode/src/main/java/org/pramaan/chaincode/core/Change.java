package org.pramaan.chaincode.core;

import java.time.Instant;

/** One write to a key as the ledger's history reports it; {@code value} is null for a deletion. */
public record Change<T>(String txId, Instant timestamp, boolean deleted, T value) {
}
