package org.pramaan.network.peer;

import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.pramaan.network.chaincode.ChaincodeExecutor;
import org.pramaan.network.gateway.GatewayService;
import org.pramaan.network.gateway.GatewaySettings;
import org.pramaan.network.identity.Member;
import org.pramaan.network.identity.NetworkMaterial;
import org.pramaan.network.ledger.BlockStore;
import org.pramaan.network.ledger.PeerDatabase;
import org.pramaan.network.ledger.StateKeyFilter;
import org.pramaan.network.msp.ChannelMsps;
import org.pramaan.network.operations.PeerMetrics;
import org.pramaan.network.ordering.BlockCommitter;
import org.pramaan.network.ordering.EndorsementPolicy;
import org.pramaan.network.ordering.EnvelopeValidator;
import org.pramaan.network.ordering.Orderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The development peer: one process playing both organisations' peers and a solo orderer for one
 * channel, with Fabric's Gateway service on TLS gRPC. It is not Fabric: there is no consensus and
 * no separation between organisations, so it is for development and tests only.
 *
 * <pre>{@code
 * try (DevPeer peer = DevPeer.start(settings, material, dataSource, chaincode, Clock.systemUTC(), registry)) {
 *     int port = peer.port();
 * }
 * }</pre>
 */
public final class DevPeer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevPeer.class);

    private final Server server;
    private final GatewayService gateway;
    private final Orderer orderer;

    private DevPeer(Server server, GatewayService gateway, Orderer orderer) {
        this.server = server;
        this.gateway = gateway;
        this.orderer = orderer;
    }

    /** Migrates the ledger, writes genesis when empty and starts serving. */
    public static DevPeer start(PeerSettings settings, NetworkMaterial material, DataSource dataSource,
                                ChaincodeExecutor chaincode, Clock clock, MeterRegistry registry) throws IOException {
        LOG.warn("Starting a DEVELOPMENT PEER for channel {}: Fabric's Gateway protocol, but no consensus and no separate"
                + " organisations; never use it in production", settings.channelId());
        PeerDatabase.migrate(dataSource);
        ChannelMsps msps = new ChannelMsps(material.organisationRoots(), clock);
        BlockStore ledger = new BlockStore(dataSource);
        EndorsementPolicy policy = new EndorsementPolicy(msps, NetworkMaterial.ORGANISATIONS);
        // Loaded before the committer runs: every key committed so far, so new keys are read without a query.
        StateKeyFilter keyFilter = StateKeyFilter.load(dataSource, registry);
        BlockCommitter committer = new BlockCommitter(ledger,
                new EnvelopeValidator(settings.channelId(), settings.chaincodeId(), msps, policy), clock, keyFilter);
        committer.ensureGenesis(settings.channelId());
        PeerMetrics metrics = new PeerMetrics(registry);
        committer.addListener(metrics);
        Orderer orderer = new Orderer(settings.batch(), committer);
        List<Member> peers = new ArrayList<>();
        for (String msp : NetworkMaterial.ORGANISATIONS) {
            peers.add(material.peer(msp));
        }
        InetSocketAddress listen = settings.listen();
        GatewaySettings gatewaySettings = new GatewaySettings(settings.channelId(), settings.chaincodeId(),
                NetworkMaterial.PEER_HOST + ":" + listen.getPort(), settings.endorsementTimeout(),
                settings.maxCommitWait(), settings.maxEventStreams());
        GatewayService gateway = GatewayService.assemble(gatewaySettings, msps, ledger, chaincode, peers, orderer,
                committer, metrics, keyFilter);
        Path tls = material.folder().resolve("tls/peer");
        ServerCredentials credentials = TlsServerCredentials.create(tls.resolve("cert.pem").toFile(),
                tls.resolve("key.pem").toFile());
        Server server = NettyServerBuilder.forAddress(listen, credentials)
                .addService(gateway)
                .maxInboundMessageSize(settings.maxInboundMessageBytes())
                .maxConcurrentCallsPerConnection(settings.maxConcurrentCallsPerConnection())
                .handshakeTimeout(10, TimeUnit.SECONDS)
                .permitKeepAliveTime(5, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                // A restarted peer takes its old port back at once (fault tests stop and start it).
                .withOption(io.grpc.netty.shaded.io.netty.channel.ChannelOption.SO_REUSEADDR, true)
                .build();
        try {
            server.start();
        } catch (IOException e) {
            orderer.close();
            gateway.close();
            throw new UncheckedIOException("the development peer cannot listen on " + listen + ": " + e.getMessage(), e);
        }
        LOG.info("Development peer serving the Gateway for channel {} chaincode {} on {} (TLS)", settings.channelId(),
                settings.chaincodeId(), server.getListenSockets());
        return new DevPeer(server, gateway, orderer);
    }

    public int port() {
        return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    @Override
    public void close() {
        server.shutdown();
        gateway.close();
        try {
            if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
                server.shutdownNow();
                server.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        }
        orderer.close();
        LOG.info("Development peer stopped");
    }
}
