package org.pramaan.network.gateway;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Header;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.peer.ChaincodeHeaderExtension;
import org.hyperledger.fabric.protos.peer.ChaincodeInvocationSpec;
import org.hyperledger.fabric.protos.peer.ChaincodeProposalPayload;
import org.hyperledger.fabric.protos.peer.Proposal;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.pramaan.network.ledger.BlockHashes;

/**
 * A signed proposal taken apart as Fabric's endorser does (core/endorser/msgvalidation.go
 * UnpackProposal), keeping the header bytes exactly as the client signed them: the proposal
 * hash, the prepared transaction and every signature depend on those bytes, never on re-encoding.
 */
record UnpackedProposal(SignedProposal signed, Header header, ChannelHeader channelHeader,
                        SignatureHeader signatureHeader, String chaincodeName, ChaincodeInvocationSpec invocation,
                        ByteString payloadWithoutTransient) {

    static UnpackedProposal of(SignedProposal signed) throws InvalidProtocolBufferException {
        if (signed.getProposalBytes().isEmpty()) {
            throw new InvalidProtocolBufferException("a signed proposal is required");
        }
        Proposal proposal = Proposal.parseFrom(signed.getProposalBytes());
        Header header = Header.parseFrom(proposal.getHeader());
        ChannelHeader channelHeader = ChannelHeader.parseFrom(header.getChannelHeader());
        SignatureHeader signatureHeader = SignatureHeader.parseFrom(header.getSignatureHeader());
        ChaincodeHeaderExtension extension = ChaincodeHeaderExtension.parseFrom(channelHeader.getExtension());
        ChaincodeProposalPayload payload = ChaincodeProposalPayload.parseFrom(proposal.getPayload());
        ChaincodeInvocationSpec invocation = ChaincodeInvocationSpec.parseFrom(payload.getInput());
        String name = invocation.getChaincodeSpec().getChaincodeId().getName();
        if (name.isEmpty()) {
            name = extension.getChaincodeId().getName();
        }
        ByteString withoutTransient = ChaincodeProposalPayload.newBuilder().setInput(payload.getInput()).build().toByteString();
        return new UnpackedProposal(signed, header, channelHeader, signatureHeader, name, invocation, withoutTransient);
    }

    String txId() {
        return channelHeader.getTxId();
    }

    String channelId() {
        return channelHeader.getChannelId();
    }

    /** SHA-256(channel header ‖ signature header ‖ payload without transient data), as ProposalResponsePayload carries it. */
    byte[] proposalHash() {
        return BlockHashes.sha256(header.getChannelHeader().toByteArray(), header.getSignatureHeader().toByteArray(),
                payloadWithoutTransient.toByteArray());
    }
}
