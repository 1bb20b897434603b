package org.pramaan.network;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.pramaan.network.audit.ChainAudit;
import org.pramaan.network.chaincode.ChaincodeConnection;
import org.pramaan.network.identity.ConnectionFile;
import org.pramaan.network.identity.NetworkMaterial;
import org.pramaan.network.ledger.BlockStore;
import org.pramaan.network.ledger.PeerDatabase;
import org.pramaan.network.operations.OperationsServer;
import org.pramaan.network.peer.ChaincodeLink;
import org.pramaan.network.peer.DevPeer;
import org.pramaan.network.peer.PeerSettings;
import org.pramaan.service.database.ServiceDatabase;

/**
 * The development peer's command line.
 * <pre>
 * init  --folder DIR --departments REV,TWD,... [--port 7051]   crypto material and connection.json
 * serve                                                        the peer (settings from the environment)
 * audit                                                        re-walks the chain; exit 0 clean, 1 broken
 * </pre>
 * Environment: PEER_FOLDER (.pramaan/network), PEER_LISTEN (127.0.0.1:7051), PEER_OPERATIONS
 * (127.0.0.1:9443), DATABASE_URL (else an embedded PostgreSQL in PEER_FOLDER/postgres),
 * CHAINCODE_ADDRESS (127.0.0.1:9999, TLS with tls/chaincode), CHAINCODE_ID, BATCH_MAX_MESSAGES
 * (500), BATCH_TIMEOUT (200ms).
 */
public final class DevPeerMain {

    private DevPeerMain() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        int exit = switch (command) {
            case "init" -> init(options(Arrays.copyOfRange(args, 1, args.length)));
            case "serve" -> serve(PeerEnvironment.of(System.getenv()));
            case "audit" -> audit(PeerEnvironment.of(System.getenv()));
            default -> usage();
        };
        System.exit(exit);
    }

    private static int init(Map<String, String> options) throws Exception {
        Path folder = Path.of(options.getOrDefault("folder", ".pramaan/network"));
        List<String> departments = Arrays.stream(options.getOrDefault("departments", "").split(","))
                .map(String::trim).filter(code -> !code.isEmpty()).toList();
        int port = Integer.parseInt(options.getOrDefault("port", "7051"));
        NetworkMaterial material = NetworkMaterial.open(folder, departments, Clock.systemUTC());
        Path file = ConnectionFile.write(material, PeerSettings.CHANNEL, PeerSettings.CHAINCODE, "127.0.0.1:" + port);
        System.out.println("Development network material in " + material.folder() + "; clients: "
                + String.join(", ", material.clients().keySet()) + "; connection file " + file);
        return 0;
    }

    private static int serve(PeerEnvironment env) throws Exception {
        NetworkMaterial material = NetworkMaterial.open(env.folder(), List.of(), Clock.systemUTC());
        ConnectionFile.write(material, PeerSettings.CHANNEL, PeerSettings.CHAINCODE,
                env.listen().getHostString() + ":" + env.listen().getPort());
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        ServiceDatabase database = ServiceDatabase.builder("devpeer").databaseUrl(env.databaseUrl())
                .embeddedDirectory(env.embeddedDatabase()).poolSize(16).open();
        ChaincodeConnection chaincode = ChaincodeLink.open(material, env.chaincodeAddress(), env.chaincodeId(),
                PeerSettings.CHAINCODE, registry);
        DevPeer peer = DevPeer.start(PeerSettings.defaults(env.listen(), env.batch()), material, database.dataSource(),
                chaincode, Clock.systemUTC(), registry);
        BlockStore ledger = new BlockStore(database.dataSource());
        OperationsServer operations = OperationsServer.start(env.operations(), registry, () -> health(ledger, chaincode),
                Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            operations.close();
            peer.close();
            chaincode.close();
            database.close();
            stopped.countDown();
        }, "dev-peer-shutdown"));
        stopped.await();
        return 0;
    }

    private static Map<String, String> health(BlockStore ledger, ChaincodeConnection chaincode) {
        Map<String, String> checks = new LinkedHashMap<>();
        try {
            ledger.head();
            checks.put("ledger", null);
        } catch (RuntimeException e) {
            checks.put("ledger", "PostgreSQL unreachable: " + e.getMessage());
        }
        checks.put("chaincode", chaincode.isReady() ? null : "chaincode server not connected");
        return checks;
    }

    private static int audit(PeerEnvironment env) {
        try (ServiceDatabase database = ServiceDatabase.builder("devpeer-audit").databaseUrl(env.databaseUrl())
                .embeddedDirectory(env.embeddedDatabase()).poolSize(1).open()) {
            PeerDatabase.migrate(database.dataSource());
            ChainAudit.Result result = ChainAudit.verify(database.dataSource());
            if (result.clean()) {
                System.out.println("Chain intact: " + result.blocks() + " blocks, header and data hashes verified");
                return 0;
            }
            ChainAudit.Break first = result.firstBreak().orElseThrow();
            System.out.println("Chain broken at block " + first.blockNumber() + ": " + first.problem());
            return 1;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private static int usage() {
        System.out.println("""
                usage: java -jar pramaan-dev-peer.jar init --folder DIR --departments REV,TWD,... [--port 7051]
                       java -jar pramaan-dev-peer.jar serve    (env PEER_FOLDER, PEER_LISTEN, PEER_OPERATIONS, DATABASE_URL,
                                                                 CHAINCODE_ADDRESS, CHAINCODE_ID, BATCH_MAX_MESSAGES, BATCH_TIMEOUT)
                       java -jar pramaan-dev-peer.jar audit    (env PEER_FOLDER, DATABASE_URL)""");
        return 2;
    }

}
