package org.pramaan.ledger;

import java.util.Objects;

/**
 * The answer of a committed transaction, with its evidence: the transaction id and the block it
 * is in. A verifier shows these so that anyone can look the record up on the ledger.
 */
public record Committed<T>(T value, String transactionId, long blockNumber) {

    public Committed {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(transactionId, "transactionId");
    }
}
