package org.pramaan.network.ledger;

import java.util.List;
import org.hyperledger.fabric.protos.common.Block;

/** A block ready to be written: the Block proto (header and TRANSACTIONS_FILTER set) and each transaction's outcome. */
public record CommittedBlock(Block block, List<TxOutcome> outcomes) {

    public long number() {
        return block.getHeader().getNumber();
    }
}
