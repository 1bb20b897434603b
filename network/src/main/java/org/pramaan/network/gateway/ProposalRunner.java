package org.pramaan.network.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.List;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.peer.Response;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.pramaan.network.chaincode.ChaincodeUnavailableException;
import org.pramaan.network.chaincode.Simulation;
import org.pramaan.network.operations.PeerMetrics;

/**
 * Evaluate and Endorse: unpack the proposal, check it as the endorser does, simulate it, and turn
 * every failure into the gRPC error Fabric's gateway gives (internal/pkg/gateway/apiutils.go
 * responseStatus): a refused proposal is FAILED_PRECONDITION (evaluate) or ABORTED (endorse); a
 * chaincode response of 400 or more is UNKNOWN (evaluate) or ABORTED (endorse) with "chaincode
 * response N, message"; a chaincode that cannot run is ABORTED. Details name the endorser.
 */
final class ProposalRunner {

    private final GatewaySettings settings;
    private final ProposalCheck check;
    private final Endorsers endorsers;
    private final PeerMetrics metrics;

    ProposalRunner(GatewaySettings settings, ProposalCheck check, Endorsers endorsers, PeerMetrics metrics) {
        this.settings = settings;
        this.check = check;
        this.endorsers = endorsers;
        this.metrics = metrics;
    }

    Response evaluate(SignedProposal signed, Duration timeout) {
        UnpackedProposal proposal = unpack(signed, true);
        Simulation simulation;
        try {
            check.check(proposal);
            simulation = endorsers.simulate(proposal, timeout);
        } catch (EndorserRefusal e) {
            throw failed(Status.Code.FAILED_PRECONDITION, "evaluate call to endorser returned error: ", e.getMessage());
        } catch (ChaincodeUnavailableException e) {
            throw GatewayErrors.error(Status.Code.ABORTED, "failed to evaluate transaction, see attached details for more info",
                    List.of(detail(e.getMessage())));
        }
        if (!simulation.succeeded()) {
            throw failed(Status.Code.UNKNOWN, "evaluate call to endorser returned error: ", chaincodeFailure(simulation));
        }
        return simulation.response();
    }

    Envelope endorse(SignedProposal signed, Duration timeout) {
        long started = System.nanoTime();
        UnpackedProposal proposal = unpack(signed, false);
        Simulation simulation;
        try {
            check.check(proposal);
            simulation = endorsers.simulate(proposal, timeout);
        } catch (EndorserRefusal | ChaincodeUnavailableException e) {
            throw endorseFailed(e.getMessage());
        }
        if (!simulation.succeeded()) {
            throw endorseFailed(chaincodeFailure(simulation));
        }
        Envelope prepared = PreparedTransactions.prepare(proposal, endorsers.endorse(proposal, simulation));
        metrics.endorsed(Duration.ofNanos(System.nanoTime() - started));
        return prepared;
    }

    private UnpackedProposal unpack(SignedProposal signed, boolean evaluating) {
        UnpackedProposal proposal;
        try {
            proposal = UnpackedProposal.of(signed);
        } catch (InvalidProtocolBufferException e) {
            throw GatewayErrors.error(Status.Code.INVALID_ARGUMENT, "failed to unpack transaction proposal: " + e.getMessage());
        }
        if (proposal.channelId().isEmpty()) {
            throw GatewayErrors.error(Status.Code.INVALID_ARGUMENT, "failed to unpack transaction proposal: no channel id provided");
        }
        if (!proposal.channelId().equals(settings.channelId())) {
            throw GatewayErrors.error(Status.Code.UNAVAILABLE, "failed to get config for channel [" + proposal.channelId()
                    + "]: channel " + proposal.channelId() + " not found");
        }
        if (!proposal.chaincodeName().equals(settings.chaincodeId())) {
            throw GatewayErrors.error(Status.Code.FAILED_PRECONDITION, (evaluating ? "no peers available to evaluate chaincode "
                    : "no peers available to endorse chaincode ") + proposal.chaincodeName() + " in channel " + proposal.channelId());
        }
        return proposal;
    }

    private static String chaincodeFailure(Simulation simulation) {
        return "chaincode response " + simulation.response().getStatus() + ", " + simulation.response().getMessage();
    }

    private StatusRuntimeException failed(Status.Code code, String prefix, String message) {
        return GatewayErrors.error(code, prefix + message, List.of(detail(message)));
    }

    private StatusRuntimeException endorseFailed(String message) {
        return GatewayErrors.error(Status.Code.ABORTED, "failed to endorse transaction, see attached details for more info",
                List.of(detail(message)));
    }

    private ErrorDetail detail(String message) {
        return ErrorDetail.newBuilder().setAddress(settings.peerAddress()).setMspId("GovMSP").setMessage(message).build();
    }
}
