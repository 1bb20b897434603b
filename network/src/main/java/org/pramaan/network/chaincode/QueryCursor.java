package org.pramaan.network.chaincode;

import org.hyperledger.fabric.protos.peer.QueryResponse;

/** An open query of one transaction, answered in batches over QUERY_STATE_NEXT (F core/chaincode/handler.go). */
interface QueryCursor {

    /** The next batch; {@code has_more} says whether another follows. */
    QueryResponse nextBatch();

    /** Whether the last batch was sent: the cursor can be forgotten. */
    boolean finished();
}
