package org.pramaan.network.ordering;

import org.pramaan.network.ledger.CommittedBlock;

/** Told of each block after its database transaction committed. */
@FunctionalInterface
public interface BlockListener {

    void committed(CommittedBlock block);
}
