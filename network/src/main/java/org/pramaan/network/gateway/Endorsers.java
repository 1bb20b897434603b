package org.pramaan.network.gateway;

import com.google.protobuf.ByteString;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hyperledger.fabric.protos.ledger.rwset.NsReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeID;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.pramaan.network.chaincode.ChaincodeExecutor;
import org.pramaan.network.chaincode.Invocation;
import org.pramaan.network.chaincode.Simulation;
import org.pramaan.network.chaincode.StateReader;
import org.pramaan.network.identity.Member;

/**
 * The endorsing peers of both organisations. They share one state and one chaincode server, so the
 * proposal is simulated once and each organisation's peer identity signs the same proposal
 * response payload, as two real peers with equal state would produce (core/endorser/endorser.go,
 * protoutil/proputils.go, core/handlers/endorsement/builtin/default_endorsement.go).
 */
final class Endorsers {

    static final String CHAINCODE_VERSION = "1.0";

    private final ChaincodeExecutor chaincode;
    private final StateReader state;
    private final List<Member> peers;

    Endorsers(ChaincodeExecutor chaincode, StateReader state, List<Member> peers) {
        this.chaincode = chaincode;
        this.state = state;
        this.peers = List.copyOf(peers);
    }

    /** Runs the proposal against committed state; a chaincode refusal is in the simulation's response. */
    Simulation simulate(UnpackedProposal proposal, Duration timeout) {
        return chaincode.execute(new Invocation(proposal.channelId(), proposal.txId(), proposal.signed(),
                proposal.invocation().getChaincodeSpec().getInput(), timeout), state);
    }

    /** Signs the simulation's proposal response payload as every organisation's peer. */
    EndorsedProposal endorse(UnpackedProposal proposal, Simulation simulation) {
        TxReadWriteSet results = TxReadWriteSet.newBuilder().setDataModel(TxReadWriteSet.DataModel.KV)
                .addNsRwset(NsReadWriteSet.newBuilder().setNamespace(proposal.chaincodeName())
                        .setRwset(simulation.readWriteSet().toByteString()))
                .build();
        ChaincodeAction action = ChaincodeAction.newBuilder()
                .setResults(results.toByteString())
                .setEvents(simulation.chaincodeEvent().map(e -> e.toByteString()).orElse(ByteString.EMPTY))
                .setResponse(simulation.response())
                .setChaincodeId(ChaincodeID.newBuilder().setName(proposal.chaincodeName()).setVersion(CHAINCODE_VERSION))
                .build();
        ByteString payload = ProposalResponsePayload.newBuilder()
                .setProposalHash(ByteString.copyFrom(proposal.proposalHash()))
                .setExtension(action.toByteString()).build().toByteString();
        List<Endorsement> endorsements = new ArrayList<>();
        for (Member peer : peers) {
            ByteString endorser = peer.serialized();
            byte[] signed = payload.concat(endorser).toByteArray();
            endorsements.add(Endorsement.newBuilder().setEndorser(endorser)
                    .setSignature(ByteString.copyFrom(peer.sign(signed))).build());
        }
        return new EndorsedProposal(payload, endorsements, simulation.response());
    }
}
