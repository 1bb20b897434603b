package org.pramaan.network.gateway;

import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEndorsedAction;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TransactionAction;

/**
 * The unsigned envelope the gateway returns from Endorse (internal/pkg/gateway/submit.go
 * prepareTransaction, protoutil/txutils.go CreateSignedTx): the proposal's own header, and one
 * action holding the signature header, the proposal payload without transient data and the
 * endorsed action. The client signs the payload bytes and submits it unchanged.
 */
final class PreparedTransactions {

    private PreparedTransactions() {
    }

    static Envelope prepare(UnpackedProposal proposal, EndorsedProposal endorsed) {
        ChaincodeActionPayload actionPayload = ChaincodeActionPayload.newBuilder()
                .setChaincodeProposalPayload(proposal.payloadWithoutTransient())
                .setAction(ChaincodeEndorsedAction.newBuilder()
                        .setProposalResponsePayload(endorsed.proposalResponsePayload())
                        .addAllEndorsements(endorsed.endorsements()))
                .build();
        Transaction transaction = Transaction.newBuilder().addActions(TransactionAction.newBuilder()
                .setHeader(proposal.header().getSignatureHeader())
                .setPayload(actionPayload.toByteString())).build();
        Payload payload = Payload.newBuilder().setHeader(proposal.header()).setData(transaction.toByteString()).build();
        return Envelope.newBuilder().setPayload(payload.toByteString()).build();
    }
}
