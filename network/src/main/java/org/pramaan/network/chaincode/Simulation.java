package org.pramaan.network.chaincode;

import java.util.Objects;
import java.util.Optional;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.Response;

/**
 * What a chaincode answered and did: its {@link Response} (status 200, or 400+ for a refusal, with
 * message and payload), the reads (with versions, range reads with their raw results) and writes
 * it made, and the event it set, with chaincode id and tx id filled in as a peer does.
 */
public record Simulation(Response response, KVRWSet readWriteSet, ChaincodeEvent event) {

    public Simulation {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(readWriteSet, "readWriteSet");
    }

    public Optional<ChaincodeEvent> chaincodeEvent() {
        return Optional.ofNullable(event);
    }

    public boolean succeeded() {
        return response.getStatus() < 400;
    }
}
