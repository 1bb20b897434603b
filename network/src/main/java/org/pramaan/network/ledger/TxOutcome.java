package org.pramaan.network.ledger;

import com.google.protobuf.Timestamp;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVWrite;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.TxValidationCode;

/**
 * One transaction of a block as the validator judged it: its tx id (empty when the envelope did not
 * parse), its validation code, and, when VALID, the writes to apply and the event to publish.
 */
public record TxOutcome(String txId, TxValidationCode code, Timestamp timestamp, List<KVWrite> writes,
                        ChaincodeEvent event) {

    public static TxOutcome invalid(String txId, TxValidationCode code, Timestamp timestamp) {
        return new TxOutcome(txId, code, timestamp, List.of(), null);
    }

    public boolean valid() {
        return code == TxValidationCode.VALID;
    }
}
