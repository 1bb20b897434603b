package org.pramaan.network.gateway;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import org.pramaan.network.msp.ChannelMsps;
import org.pramaan.network.msp.MspException;
import org.pramaan.network.msp.VerifiedIdentity;

/**
 * The Readers ACL on CommitStatus and ChaincodeEvents (internal/pkg/gateway/commitstatus.go,
 * chaincodeevents.go): the request must be signed by a member of a channel MSP, else PERMISSION_DENIED.
 */
final class SignedRequests {

    private final String channelId;
    private final ChannelMsps msps;

    SignedRequests(String channelId, ChannelMsps msps) {
        this.channelId = channelId;
        this.msps = msps;
    }

    VerifiedIdentity reader(String requestChannel, ByteString identity, ByteString request, ByteString signature) {
        if (!channelId.equals(requestChannel)) {
            throw GatewayErrors.error(Status.Code.PERMISSION_DENIED,
                    "failed evaluating policy on signed data during check policy on channel [" + requestChannel
                            + "] with policy [/Channel/Application/Readers]: channel [" + requestChannel + "] not found");
        }
        try {
            VerifiedIdentity reader = msps.verify(identity);
            if (!reader.signed(request.toByteArray(), signature.toByteArray())) {
                throw denied("signature set did not satisfy policy");
            }
            return reader;
        } catch (MspException e) {
            throw denied("signature set did not satisfy policy: " + e.getMessage());
        }
    }

    private io.grpc.StatusRuntimeException denied(String why) {
        return GatewayErrors.error(Status.Code.PERMISSION_DENIED, "failed evaluating policy on signed data during check"
                + " policy on channel [" + channelId + "] with policy [/Channel/Application/Readers]: " + why);
    }
}
