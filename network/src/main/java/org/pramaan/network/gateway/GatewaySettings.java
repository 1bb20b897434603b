package org.pramaan.network.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * The one channel and chaincode the gateway serves, the address it names in error details, how
 * long an endorsement may take when the client sets no deadline, how long a CommitStatus call may
 * wait at most, and how many event streams may be open at once.
 */
public record GatewaySettings(String channelId, String chaincodeId, String peerAddress, Duration endorsementTimeout,
                              Duration maxCommitWait, int maxEventStreams) {

    public GatewaySettings {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(chaincodeId, "chaincodeId");
        Objects.requireNonNull(peerAddress, "peerAddress");
        Objects.requireNonNull(endorsementTimeout, "endorsementTimeout");
        Objects.requireNonNull(maxCommitWait, "maxCommitWait");
    }
}
