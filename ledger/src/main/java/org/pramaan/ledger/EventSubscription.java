package org.pramaan.ledger;

/** A running event subscription; closing it stops delivery (the checkpoint stays saved). */
public interface EventSubscription extends AutoCloseable {

    /** The block number of the last event delivered and checkpointed, or 0 before any. */
    long checkpoint();

    @Override
    void close();
}
