package org.pramaan.ledger;

import java.time.Instant;
import java.util.Optional;

/** A running event subscription; closing it stops delivery (the checkpoint stays saved). */
public interface EventSubscription extends AutoCloseable {

    /** The block number of the last event delivered and checkpointed, or 0 before any. */
    long checkpoint();

    /**
     * Since when the event stream has been open without failing: empty while it is reconnecting after a failure
     * (of the stream, the checkpoint or the listener) and once closed. A reader that keeps a copy of the ledger
     * from the events tells from it whether the copy is following the ledger.
     */
    default Optional<Instant> connectedSince() {
        return Optional.empty();
    }

    @Override
    void close();
}
