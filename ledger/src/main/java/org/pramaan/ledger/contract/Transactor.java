package org.pramaan.ledger.contract;

import java.util.function.Consumer;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.LedgerEvent;

/**
 * How contract calls reach a ledger: through a Fabric Gateway to the peers (FabricTransactor).
 * Arguments and answers are the contract's strings and JSON bytes; events are typed
 * {@link LedgerEvent}s; refusals are {@link org.pramaan.ledger.LedgerException}s.
 */
public interface Transactor extends AutoCloseable {

    /** Endorses, orders and commits a transaction; returns once it is committed. */
    Committed<byte[]> submit(String function, String... arguments);

    /** Runs a read-only transaction against current state. */
    byte[] evaluate(String function, String... arguments);

    EventSubscription subscribe(String subscriber, Consumer<LedgerEvent> listener);

    @Override
    void close();
}
