package org.pramaan.network.chaincode;

import java.time.Duration;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ChaincodeInput;
import org.hyperledger.fabric.protos.peer.SignedProposal;

/**
 * One transaction for the chaincode: the client's signed proposal (the shim reads creator,
 * timestamp and transient data from it), the arguments taken from it, and how long to wait.
 */
public record Invocation(String channelId, String txId, SignedProposal signedProposal, ChaincodeInput input,
                         Duration timeout) {

    public Invocation {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(signedProposal, "signedProposal");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(timeout, "timeout");
    }
}
