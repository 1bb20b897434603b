package org.pramaan.network.gateway;

import java.util.HexFormat;
import org.hyperledger.fabric.protos.common.HeaderType;
import org.pramaan.network.identity.TxIds;
import org.pramaan.network.ledger.BlockStore;
import org.pramaan.network.msp.ChannelMsps;
import org.pramaan.network.msp.MspException;
import org.pramaan.network.msp.NodeRole;
import org.pramaan.network.msp.VerifiedIdentity;

/**
 * The endorser's checks before it runs a proposal (core/endorser/msgvalidation.go Validate,
 * endorser.go preProcess): header type, epoch, nonce, creator, signature, tx id, that the tx id is
 * not in the ledger yet, and the channel's Writers policy (a client or admin of a channel MSP).
 */
final class ProposalCheck {

    private final ChannelMsps msps;
    private final BlockStore ledger;

    ProposalCheck(ChannelMsps msps, BlockStore ledger) {
        this.msps = msps;
        this.ledger = ledger;
    }

    VerifiedIdentity check(UnpackedProposal proposal) throws EndorserRefusal {
        try {
            validate(proposal);
        } catch (EndorserRefusal e) {
            throw new EndorserRefusal("error validating proposal: " + e.getMessage());
        }
        VerifiedIdentity creator = creator(proposal);
        if (ledger.status(proposal.txId()).isPresent()) {
            throw new EndorserRefusal("duplicate transaction found [" + proposal.txId() + "]. Creator ["
                    + HexFormat.of().formatHex(proposal.signatureHeader().getCreator().toByteArray()) + "]");
        }
        if (creator.role() != NodeRole.CLIENT && creator.role() != NodeRole.ADMIN) {
            throw new EndorserRefusal("access denied for [" + proposal.channelId() + "]: the identity is not a writer"
                    + " of the channel (it is a " + creator.role().name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        return creator;
    }

    private void validate(UnpackedProposal proposal) throws EndorserRefusal {
        var channelHeader = proposal.channelHeader();
        if (channelHeader.getType() != HeaderType.ENDORSER_TRANSACTION_VALUE) {
            throw new EndorserRefusal("invalid header type " + HeaderType.forNumber(channelHeader.getType()));
        }
        if (channelHeader.getEpoch() != 0) {
            throw new EndorserRefusal("epoch is non-zero");
        }
        if (proposal.signatureHeader().getNonce().isEmpty()) {
            throw new EndorserRefusal("nonce is empty");
        }
        if (proposal.signatureHeader().getCreator().isEmpty()) {
            throw new EndorserRefusal("creator is empty");
        }
        String expected = TxIds.compute(proposal.signatureHeader().getNonce(), proposal.signatureHeader().getCreator());
        if (!expected.equals(proposal.txId())) {
            throw new EndorserRefusal("incorrectly computed txid '" + proposal.txId() + "' -- expected '" + expected + "'");
        }
        if (proposal.signed().getSignature().isEmpty()) {
            throw new EndorserRefusal("empty signature bytes");
        }
    }

    private VerifiedIdentity creator(UnpackedProposal proposal) throws EndorserRefusal {
        VerifiedIdentity creator;
        try {
            creator = msps.verify(proposal.signatureHeader().getCreator());
        } catch (MspException e) {
            throw new EndorserRefusal("error validating proposal: access denied: channel [" + proposal.channelId()
                    + "] creator org unknown, creator is malformed (" + e.getMessage() + ")");
        }
        if (!creator.signed(proposal.signed().getProposalBytes().toByteArray(), proposal.signed().getSignature().toByteArray())) {
            throw new EndorserRefusal("error validating proposal: access denied: channel [" + proposal.channelId()
                    + "] creator org [" + creator.mspId() + "]: the creator's signature over the proposal is not valid");
        }
        return creator;
    }
}
