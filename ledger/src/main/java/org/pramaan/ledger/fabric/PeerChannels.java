package org.pramaan.ledger.fabric;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TLS gRPC channel per peer endpoint, shared by every identity's gateway: the channel carries
 * no identity (proposals are signed, not the connection), and one HTTP/2 connection per peer is
 * what Fabric's client guidance asks for.
 */
final class PeerChannels implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeerChannels.class);

    private final Map<String, ManagedChannel> byEndpoint = new LinkedHashMap<>();

    PeerChannels(List<ConnectionProfile.Peer> peers) {
        try {
            for (ConnectionProfile.Peer peer : peers) {
                if (!byEndpoint.containsKey(peer.endpoint())) {
                    byEndpoint.put(peer.endpoint(), open(peer));
                }
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    ManagedChannel channel(ConnectionProfile.Peer peer) {
        return byEndpoint.get(peer.endpoint());
    }

    @Override
    public void close() {
        byEndpoint.values().forEach(ManagedChannel::shutdown);
        for (Map.Entry<String, ManagedChannel> entry : byEndpoint.entrySet()) {
            try {
                if (!entry.getValue().awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("The channel to peer {} did not close within 5 s; closing it now", entry.getKey());
                    entry.getValue().shutdownNow();
                }
            } catch (InterruptedException e) {
                entry.getValue().shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static ManagedChannel open(ConnectionProfile.Peer peer) {
        ChannelCredentials tls;
        try {
            tls = TlsChannelCredentials.newBuilder().trustManager(peer.tlsRootCert().toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS root certificate " + peer.tlsRootCert()
                    + " of peer " + peer.endpoint(), e);
        }
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(peer.endpoint(), tls);
        if (peer.hostOverride() != null) {
            builder.overrideAuthority(peer.hostOverride());
        }
        LOG.info("Ledger: peer {} of {} at {} (TLS, trusting {})", peer.hostOverride() == null ? peer.endpoint()
                : peer.hostOverride(), peer.mspId(), peer.endpoint(), peer.tlsRootCert());
        return builder.build();
    }
}
