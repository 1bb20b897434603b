package org.pramaan.network.ordering;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hyperledger.fabric.protos.peer.Endorsement;
import org.pramaan.network.msp.ChannelMsps;
import org.pramaan.network.msp.MspException;
import org.pramaan.network.msp.NodeRole;
import org.pramaan.network.msp.VerifiedIdentity;

/**
 * The chaincode's endorsement policy, {@code AND('GovMSP.peer','AuditMSP.peer')}: a peer of every
 * required organisation signed the same proposal response payload (Fabric's vscc,
 * core/committer/txvalidator/v20/plugindispatcher and core/handlers/validation/builtin). An
 * endorser signs {@code prp ‖ endorser} (core/handlers/endorsement/builtin/default_endorsement.go).
 */
public final class EndorsementPolicy {

    private final ChannelMsps msps;
    private final List<String> requiredOrganisations;

    public EndorsementPolicy(ChannelMsps msps, List<String> requiredOrganisations) {
        this.msps = msps;
        this.requiredOrganisations = List.copyOf(requiredOrganisations);
    }

    public List<String> requiredOrganisations() {
        return requiredOrganisations;
    }

    /** Whether {@code endorsements} of {@code proposalResponsePayload} satisfy the policy. */
    public boolean satisfiedBy(byte[] proposalResponsePayload, List<Endorsement> endorsements) {
        Set<String> endorsed = new HashSet<>();
        for (Endorsement endorsement : endorsements) {
            try {
                VerifiedIdentity endorser = msps.verify(endorsement.getEndorser());
                byte[] signed = concat(proposalResponsePayload, endorsement.getEndorser().toByteArray());
                if (endorser.role() == NodeRole.PEER && endorser.signed(signed, endorsement.getSignature().toByteArray())) {
                    endorsed.add(endorser.mspId());
                }
            } catch (MspException e) {
                // An endorsement from an unknown or invalid identity counts for nothing, as in Fabric.
            }
        }
        return endorsed.containsAll(requiredOrganisations);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
