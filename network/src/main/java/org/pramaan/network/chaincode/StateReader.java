package org.pramaan.network.chaincode;

import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.protos.ledger.queryresult.KeyModification;

/**
 * Committed world state of the chaincode's namespace as a simulation sees it. Keys are Fabric keys
 * (strings that may hold U+0000) ordered by their UTF-8 bytes.
 */
public interface StateReader {

    Optional<VersionedValue> get(String key);

    /**
     * True when {@code key} is known, from memory, never to have been committed: {@link #get} would
     * answer empty without waiting on anything. False means "maybe present, ask {@link #get}".
     */
    default boolean definitelyAbsent(String key) {
        return false;
    }

    /**
     * At most {@code limit} entries with {@code startInclusive <= key < endExclusive} in key order;
     * an empty {@code endExclusive} means no upper bound.
     */
    List<VersionedValue> range(String startInclusive, String endExclusive, int limit);

    /** Every committed change of {@code key}, newest first. */
    List<KeyModification> history(String key);
}
