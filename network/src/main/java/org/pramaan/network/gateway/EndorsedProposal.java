package org.pramaan.network.gateway;

import com.google.protobuf.ByteString;
import java.util.List;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.hyperledger.fabric.protos.peer.Response;

/** What the endorsing peers agreed on: the proposal response payload bytes, their signatures, and the chaincode's response. */
record EndorsedProposal(ByteString proposalResponsePayload, List<Endorsement> endorsements, Response response) {
}
