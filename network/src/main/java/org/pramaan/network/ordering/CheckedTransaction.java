package org.pramaan.network.ordering;

import com.google.protobuf.Timestamp;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * An envelope after the checks that need no state: its tx id, and either a failure code or the
 * chaincode's read-write set and event for the state checks that follow.
 */
record CheckedTransaction(String txId, TxValidationCode code, Timestamp timestamp, KVRWSet readWriteSet,
                          ChaincodeEvent event) {

    static CheckedTransaction refused(String txId, TxValidationCode code, Timestamp timestamp) {
        return new CheckedTransaction(txId, code, timestamp, KVRWSet.getDefaultInstance(), null);
    }
}
