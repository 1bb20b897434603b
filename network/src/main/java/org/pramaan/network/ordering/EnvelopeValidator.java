package org.pramaan.network.ordering;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import java.util.Arrays;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.ledger.rwset.TxReadWriteSet;
import org.hyperledger.fabric.protos.ledger.rwset.kvrwset.KVRWSet;
import org.hyperledger.fabric.protos.peer.ChaincodeAction;
import org.hyperledger.fabric.protos.peer.ChaincodeActionPayload;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.ProposalResponsePayload;
import org.hyperledger.fabric.protos.peer.Transaction;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.pramaan.network.identity.TxIds;
import org.pramaan.network.ledger.BlockHashes;
import org.pramaan.network.msp.ChannelMsps;
import org.pramaan.network.msp.MspException;
import org.pramaan.network.msp.VerifiedIdentity;

/**
 * The checks a committing peer makes on one envelope without looking at state, in Fabric's order
 * (core/common/validation/msgvalidation.go, then the endorsement policy): payload, common header,
 * creator signature, tx id, the endorser transaction's single action and proposal hash, then the
 * endorsements. The first failure gives the transaction's validation code.
 */
public final class EnvelopeValidator {

    private final String channelId;
    private final String chaincodeId;
    private final ChannelMsps msps;
    private final EndorsementPolicy policy;

    public EnvelopeValidator(String channelId, String chaincodeId, ChannelMsps msps, EndorsementPolicy policy) {
        this.channelId = channelId;
        this.chaincodeId = chaincodeId;
        this.msps = msps;
        this.policy = policy;
    }

    CheckedTransaction check(ByteString envelopeBytes) {
        Envelope envelope;
        Payload payload;
        ChannelHeader channelHeader;
        SignatureHeader signatureHeader;
        try {
            envelope = Envelope.parseFrom(envelopeBytes);
            payload = Payload.parseFrom(envelope.getPayload());
            channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
        } catch (InvalidProtocolBufferException e) {
            return CheckedTransaction.refused("", TxValidationCode.BAD_PAYLOAD, Timestamp.getDefaultInstance());
        }
        String txId = channelHeader.getTxId();
        Timestamp at = channelHeader.getTimestamp();
        if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE || channelHeader.getEpoch() != 0
                || signatureHeader.getNonce().isEmpty()) {
            return CheckedTransaction.refused(txId, TxValidationCode.BAD_COMMON_HEADER, at);
        }
        if (!channelHeader.getChannelId().equals(channelId)) {
            return CheckedTransaction.refused(txId, TxValidationCode.TARGET_CHAIN_NOT_FOUND, at);
        }
        try {
            VerifiedIdentity creator = msps.verify(signatureHeader.getCreator());
            if (!creator.signed(envelope.getPayload().toByteArray(), envelope.getSignature().toByteArray())) {
                return CheckedTransaction.refused(txId, TxValidationCode.BAD_CREATOR_SIGNATURE, at);
            }
        } catch (MspException e) {
            return CheckedTransaction.refused(txId, TxValidationCode.BAD_CREATOR_SIGNATURE, at);
        }
        if (!TxIds.compute(signatureHeader.getNonce(), signatureHeader.getCreator()).equals(txId)) {
            return CheckedTransaction.refused(txId, TxValidationCode.BAD_PROPOSAL_TXID, at);
        }
        return checkAction(txId, at, payload, channelHeader, signatureHeader);
    }

    private CheckedTransaction checkAction(String txId, Timestamp at, Payload payload, ChannelHeader channelHeader,
                                           SignatureHeader signatureHeader) {
        ChaincodeActionPayload actionPayload;
        ProposalResponsePayload responsePayload;
        ChaincodeAction action;
        KVRWSet readWriteSet = KVRWSet.getDefaultInstance();
        try {
            Transaction transaction = Transaction.parseFrom(payload.getData());
            if (transaction.getActionsCount() != 1
                    || !transaction.getActions(0).getHeader().equals(payload.getHeader().getSignatureHeader())) {
                return CheckedTransaction.refused(txId, TxValidationCode.INVALID_ENDORSER_TRANSACTION, at);
            }
            actionPayload = ChaincodeActionPayload.parseFrom(transaction.getActions(0).getPayload());
            responsePayload = ProposalResponsePayload.parseFrom(actionPayload.getAction().getProposalResponsePayload());
            action = ChaincodeAction.parseFrom(responsePayload.getExtension());
            for (var namespace : TxReadWriteSet.parseFrom(action.getResults()).getNsRwsetList()) {
                if (!namespace.getNamespace().equals(chaincodeId)) {
                    return CheckedTransaction.refused(txId, TxValidationCode.ILLEGAL_WRITESET, at);
                }
                readWriteSet = KVRWSet.parseFrom(namespace.getRwset());
            }
        } catch (InvalidProtocolBufferException e) {
            return CheckedTransaction.refused(txId, TxValidationCode.INVALID_ENDORSER_TRANSACTION, at);
        }
        // core/common/validation/msgvalidation.go: the endorsed response must answer this very proposal.
        byte[] proposalHash = BlockHashes.sha256(payload.getHeader().getChannelHeader().toByteArray(),
                payload.getHeader().getSignatureHeader().toByteArray(),
                actionPayload.getChaincodeProposalPayload().toByteArray());
        if (!Arrays.equals(proposalHash, responsePayload.getProposalHash().toByteArray())) {
            return CheckedTransaction.refused(txId, TxValidationCode.INVALID_ENDORSER_TRANSACTION, at);
        }
        if (!policy.satisfiedBy(actionPayload.getAction().getProposalResponsePayload().toByteArray(),
                actionPayload.getAction().getEndorsementsList())) {
            return CheckedTransaction.refused(txId, TxValidationCode.ENDORSEMENT_POLICY_FAILURE, at);
        }
        ChaincodeEvent event = null;
        if (!action.getEvents().isEmpty()) {
            try {
                event = ChaincodeEvent.parseFrom(action.getEvents());
            } catch (InvalidProtocolBufferException e) {
                return CheckedTransaction.refused(txId, TxValidationCode.INVALID_OTHER_REASON, at);
            }
        }
        return new CheckedTransaction(txId, TxValidationCode.VALID, at, readWriteSet, event);
    }
}
