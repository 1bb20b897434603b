package org.pramaan.ledger.dev;

import java.time.Instant;
import java.util.Map;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;

/** A simulated transaction waiting to be validated and appended as a block. */
record PendingTransaction(String txId, Instant timestamp, String creatorMsp, String function, ReadSet reads,
                          Map<String, byte[]> writes, ChaincodeEvent event) {
}
