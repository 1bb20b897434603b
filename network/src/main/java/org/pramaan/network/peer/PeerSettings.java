package org.pramaan.network.peer;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import org.pramaan.network.ordering.BatchSettings;

/**
 * How the development peer runs: where it listens (port 0: any free one), the channel and chaincode
 * it serves, when its orderer cuts blocks, and the bounds that keep one client from exhausting it.
 */
public record PeerSettings(InetSocketAddress listen, String channelId, String chaincodeId, BatchSettings batch,
                           Duration endorsementTimeout, Duration maxCommitWait, int maxInboundMessageBytes,
                           int maxConcurrentCallsPerConnection, int maxEventStreams) {

    public static final String CHANNEL = "certificates";
    public static final String CHAINCODE = "pramaan";

    public PeerSettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(chaincodeId, "chaincodeId");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(endorsementTimeout, "endorsementTimeout");
        Objects.requireNonNull(maxCommitWait, "maxCommitWait");
    }

    /** Channel {@code certificates}, chaincode {@code pramaan}, Fabric-like bounds, listening on {@code listen}. */
    public static PeerSettings defaults(InetSocketAddress listen, BatchSettings batch) {
        return new PeerSettings(listen, CHANNEL, CHAINCODE, batch, Duration.ofSeconds(30), Duration.ofMinutes(5),
                100 * 1024 * 1024, 1_000, 1_000);
    }

    public PeerSettings withListen(InetSocketAddress address) {
        return new PeerSettings(address, channelId, chaincodeId, batch, endorsementTimeout, maxCommitWait,
                maxInboundMessageBytes, maxConcurrentCallsPerConnection, maxEventStreams);
    }
}
