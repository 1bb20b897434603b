package org.pramaan.ledger.dev;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads of DevLedger's committed state, with the versions that read-set validation compares. */
interface StateReader {

    /** A committed value and the block that wrote it. */
    record Versioned(String key, byte[] value, long version) {
    }

    /** One committed write to a key; {@code value} is null for a deletion. */
    record Modification(String txId, Instant timestamp, byte[] value, boolean deleted) {
    }

    Optional<Versioned> get(String key);

    /** Keys in [start, end) in UTF-8 byte order, at most {@code limit}. */
    List<Versioned> range(String start, String end, int limit);

    /** Every committed write to a key, newest first. */
    List<Modification> history(String key);
}
