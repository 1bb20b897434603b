package org.pramaan.network.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import java.util.List;
import org.hyperledger.fabric.protos.common.ChannelHeader;
import org.hyperledger.fabric.protos.common.Envelope;
import org.hyperledger.fabric.protos.common.Payload;
import org.hyperledger.fabric.protos.common.SignatureHeader;
import org.hyperledger.fabric.protos.gateway.ErrorDetail;
import org.hyperledger.fabric.protos.gateway.SubmitRequest;
import org.pramaan.network.msp.ChannelMsps;
import org.pramaan.network.msp.MspException;
import org.pramaan.network.operations.PeerMetrics;
import org.pramaan.network.ordering.Orderer;

/**
 * Submit: the gateway's checks (internal/pkg/gateway/submit.go), then the orderer's signature
 * filter (orderer/common/msgprocessor/sigfilter.go: the envelope must be signed by its creator, a
 * member of a channel MSP), then the orderer. Failures the orderer reports are ABORTED, with the
 * orderer named in the details; a stopped or full orderer is UNAVAILABLE.
 */
final class Submissions {

    private static final String ORDERER = "orderer.pramaan.local:7050";

    private final GatewaySettings settings;
    private final ChannelMsps msps;
    private final Orderer orderer;
    private final PeerMetrics metrics;

    Submissions(GatewaySettings settings, ChannelMsps msps, Orderer orderer, PeerMetrics metrics) {
        this.settings = settings;
        this.msps = msps;
        this.orderer = orderer;
        this.metrics = metrics;
    }

    void submit(SubmitRequest request) {
        Envelope envelope = request.getPreparedTransaction();
        if (envelope.getPayload().isEmpty()) {
            throw GatewayErrors.error(Status.Code.INVALID_ARGUMENT, "a prepared transaction is required");
        }
        if (envelope.getSignature().isEmpty()) {
            throw GatewayErrors.error(Status.Code.INVALID_ARGUMENT, "prepared transaction must be signed");
        }
        if (!request.getChannelId().equals(settings.channelId())) {
            throw GatewayErrors.error(Status.Code.UNAVAILABLE, "failed to get config for channel [" + request.getChannelId()
                    + "]: channel " + request.getChannelId() + " not found");
        }
        String refusal = signatureRefusal(envelope);
        if (refusal != null) {
            throw GatewayErrors.error(Status.Code.ABORTED, "received unsuccessful response from orderer: status=FORBIDDEN, info="
                    + refusal, List.of(ErrorDetail.newBuilder().setAddress(ORDERER).setMspId("OrdererMSP")
                    .setMessage("received unsuccessful response from orderer: status=FORBIDDEN, info=" + refusal).build()));
        }
        metrics.submitted(request.getTransactionId());
        if (!orderer.broadcast(envelope.toByteString())) {
            throw GatewayErrors.error(Status.Code.UNAVAILABLE, "no orderers could be reached: the ordering service is stopped or full");
        }
    }

    private String signatureRefusal(Envelope envelope) {
        try {
            Payload payload = Payload.parseFrom(envelope.getPayload());
            ChannelHeader channelHeader = ChannelHeader.parseFrom(payload.getHeader().getChannelHeader());
            if (!channelHeader.getChannelId().equals(settings.channelId())) {
                return "the envelope is for channel " + channelHeader.getChannelId();
            }
            SignatureHeader signatureHeader = SignatureHeader.parseFrom(payload.getHeader().getSignatureHeader());
            if (!msps.verify(signatureHeader.getCreator()).signed(envelope.getPayload().toByteArray(),
                    envelope.getSignature().toByteArray())) {
                return "implicit policy evaluation failed - 0 sub-policies were satisfied, but this policy requires 1 of the"
                        + " 'Writers' sub-policies to be satisfied";
            }
            return null;
        } catch (InvalidProtocolBufferException | MspException e) {
            return "bad envelope: " + e.getMessage();
        }
    }
}
