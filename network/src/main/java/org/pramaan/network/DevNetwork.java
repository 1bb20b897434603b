package org.pramaan.network;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;
import org.pramaan.network.chaincode.ChaincodeConnection;
import org.pramaan.network.chaincode.ChaincodeServerProcess;
import org.pramaan.network.chaincode.ChaincodeServerSettings;
import org.pramaan.network.identity.ConnectionFile;
import org.pramaan.network.identity.NetworkMaterial;
import org.pramaan.network.peer.ChaincodeLink;
import org.pramaan.network.peer.DevPeer;
import org.pramaan.network.peer.PeerSettings;
import org.pramaan.service.database.ServiceDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A whole development network in the calling JVM, for tests: crypto material in a folder, the
 * chaincode server jar as its own process (chaincode as a service, TLS), the development peer on
 * TLS gRPC on a free loopback port, its PostgreSQL, and {@code connection.json}. Clients connect
 * with fabric-gateway exactly as to Fabric.
 *
 * <pre>{@code
 * DevNetwork network = DevNetwork.shared();                 // one per test JVM, closed at exit
 * Path connection = network.connectionFile();               // for the ledger module's reader
 * network.killChaincode();  ...  network.startChaincode();  // fault tests
 * network.stopPeer();       ...  network.startPeer();       // same port, same ledger
 * }</pre>
 */
public final class DevNetwork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DevNetwork.class);
    private static DevNetwork shared;

    private final NetworkMaterial material;
    private final ServiceDatabase database;
    private final ChaincodeServerProcess chaincodeServer;
    private final ChaincodeConnection chaincode;
    private final PeerSettings peerSettings;
    private final Path connectionFile;
    /** The temporary folder this network made for its material, removed on close; null when the settings named one. */
    private Path temporaryFolder;
    private DevPeer peer;

    private DevNetwork(NetworkMaterial material, ServiceDatabase database, ChaincodeServerProcess chaincodeServer,
                       ChaincodeConnection chaincode, PeerSettings peerSettings, Path connectionFile) {
        this.material = material;
        this.database = database;
        this.chaincodeServer = chaincodeServer;
        this.chaincode = chaincode;
        this.peerSettings = peerSettings;
        this.connectionFile = connectionFile;
    }

    /** Makes the material, starts the chaincode server, the database and the peer, and writes connection.json. */
    public static DevNetwork start(DevNetworkSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (!Files.isRegularFile(settings.chaincodeJar())) {
            throw new IllegalStateException("no chaincode server jar at " + settings.chaincodeJar().toAbsolutePath()
                    + "; build it with: mvn -q -B -pl chaincode -am package -DskipTests");
        }
        ServiceDatabase database = null;
        ChaincodeServerProcess server = null;
        ChaincodeConnection connection = null;
        try {
            Path temporary = settings.folder() != null ? null : Files.createTempDirectory("pramaan-network");
            Path folder = settings.folder() != null ? settings.folder() : temporary;
            NetworkMaterial material = NetworkMaterial.open(folder, settings.departments(), Clock.systemUTC());
            server = new ChaincodeServerProcess(ChaincodeServerSettings
                    .builder(settings.chaincodeJar(), freePort(), ChaincodeLink.DEFAULT_PACKAGE_ID)
                    .mspId(NetworkMaterial.GOV)
                    .tls(new ChaincodeServerSettings.ServerTls(material.chaincodeTlsFolder().resolve("cert.pem"),
                            material.chaincodeTlsFolder().resolve("key.pem"), material.tlsRootFile()))
                    .workDirectory(folder.resolve("chaincode")).build());
            server.start();
            database = ServiceDatabase.builder("devpeer").databaseUrl(settings.databaseUrl()).poolSize(8).open();
            connection = ChaincodeLink.open(material, server.address(), ChaincodeLink.DEFAULT_PACKAGE_ID,
                    PeerSettings.CHAINCODE, new SimpleMeterRegistry());
            connection.awaitReady(Duration.ofSeconds(30));
            PeerSettings peerSettings = PeerSettings.defaults(new InetSocketAddress("127.0.0.1", freePort()), settings.batch());
            Path connectionFile = ConnectionFile.write(material, peerSettings.channelId(), peerSettings.chaincodeId(),
                    "127.0.0.1:" + peerSettings.listen().getPort());
            DevNetwork network = new DevNetwork(material, database, server, connection, peerSettings, connectionFile);
            network.temporaryFolder = temporary;
            network.startPeer();
            LOG.info("Development network up: peer 127.0.0.1:{}, chaincode {}, material in {}",
                    peerSettings.listen().getPort(), server.address(), folder);
            return network;
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection, server, database);
            throw e instanceof IOException io ? new UncheckedIOException("cannot start the development network", io)
                    : (RuntimeException) e;
        }
    }

    /** One network per JVM, started on first use from {@link DevNetworkSettings#fromSystemProperties()}, closed at exit. */
    public static synchronized DevNetwork shared() {
        if (shared == null) {
            shared = start(DevNetworkSettings.fromSystemProperties());
            DevNetwork network = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(network::close, "dev-network-shutdown"));
        }
        return shared;
    }

    public Path folder() {
        return material.folder();
    }

    public Path connectionFile() {
        return connectionFile;
    }

    /** {@code 127.0.0.1:port}; the TLS certificate is for {@value NetworkMaterial#PEER_HOST}, localhost and 127.0.0.1. */
    public String peerEndpoint() {
        return "127.0.0.1:" + peerSettings.listen().getPort();
    }

    public NetworkMaterial material() {
        return material;
    }

    /** The peer's PostgreSQL (schema {@code devpeer}), for audits and tampering tests. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** Kills the chaincode server process, as a crash. */
    public void killChaincode() {
        chaincodeServer.kill();
    }

    /** Starts the chaincode server again on its port and waits until the peer has reconnected. */
    public void startChaincode() {
        chaincodeServer.start();
        chaincode.awaitReady(Duration.ofSeconds(30));
    }

    public synchronized void stopPeer() {
        if (peer != null) {
            peer.close();
            peer = null;
        }
    }

    /** Starts the peer again on the same port, over the same ledger. */
    public synchronized void startPeer() {
        if (peer == null) {
            try {
                peer = DevPeer.start(peerSettings, material, database.dataSource(), chaincode, Clock.systemUTC(),
                        new SimpleMeterRegistry());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the development peer: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public synchronized void close() {
        stopPeer();
        closeQuietly(chaincode, chaincodeServer, database);
        if (temporaryFolder != null) {
            // After the chaincode server has stopped: its work directory is in there. Each test JVM made one.
            // A walk by hand: this module has no Spring or Commons IO of its own to delete a tree with.
            try (java.util.stream.Stream<Path> files = Files.walk(temporaryFolder)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Could not remove the network's temporary folder {}: {}", temporaryFolder, e.getMessage());
            }
            temporaryFolder = null;
        }
    }

    private static void closeQuietly(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    LOG.warn("Closing {} failed: {}", part.getClass().getSimpleName(), e.getMessage());
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
