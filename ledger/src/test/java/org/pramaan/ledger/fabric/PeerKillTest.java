package org.pramaan.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.ledger.EventSubscription;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.LedgerErrorCode;
import org.pramaan.ledger.LedgerEvent;
import org.pramaan.ledger.LedgerException;
import org.pramaan.ledger.LedgerFixtures;
import org.pramaan.ledger.TestDatabase;
import org.pramaan.network.chaincode.ChaincodeServerProcess;
import org.pramaan.network.chaincode.ChaincodeServerSettings;
import org.pramaan.service.database.EmbeddedPostgresServer;

/**
 * The development peer as its own process, killed with -9 in the middle of anchoring and started
 * again on the same database: calls while it is down are UNAVAILABLE, anchoring resumes, every
 * certificate is anchored exactly once (one issuing entry in its history), and the event stream,
 * resumed from its PostgreSQL checkpoint, delivers each certificate's CertificateIssued exactly once.
 */
class PeerKillTest {

    private static final String PACKAGE_ID = "pramaan_1:development";

    @TempDir
    Path folder;

    @Test
    void aPeerKilledWithMinus9ComesBackWithNothingLostOrDoubledAndEventsResume() throws Exception {
        Path peerJar = jar("pramaan.peer.jar");
        Path chaincodeJar = jar("pramaan.chaincode.jar");
        Path network = folder.resolve("network");
        int peerPort = freePort();
        int operationsPort = freePort();
        try (EmbeddedPostgresServer database = EmbeddedPostgresServer.start(folder.resolve("postgres"), 0)) {
            String databaseUrl = "jdbc:postgresql://localhost:" + database.port() + "/postgres?user=postgres";
            Process init = new ProcessBuilder("java", "-jar", peerJar.toString(), "init", "--folder", network.toString(),
                    "--departments", "REV", "--port", Integer.toString(peerPort))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("init.log").toFile()).start();
            assertThat(init.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(init.exitValue()).as(Files.readString(folder.resolve("init.log"))).isZero();
            try (ChaincodeServerProcess chaincode = new ChaincodeServerProcess(ChaincodeServerSettings
                    .builder(chaincodeJar, freePort(), PACKAGE_ID).mspId("GovMSP")
                    .tls(new ChaincodeServerSettings.ServerTls(network.resolve("tls/chaincode/cert.pem"),
                            network.resolve("tls/chaincode/key.pem"), network.resolve("tls/ca.pem")))
                    .workDirectory(Files.createDirectories(network.resolve("chaincode"))).build())) {
                chaincode.start();
                Map<String, String> peerEnvironment = Map.of("PEER_FOLDER", network.toString(),
                        "PEER_LISTEN", "127.0.0.1:" + peerPort, "PEER_OPERATIONS", "127.0.0.1:" + operationsPort,
                        "DATABASE_URL", databaseUrl, "CHAINCODE_ADDRESS", chaincode.address(),
                        "CHAINCODE_ID", PACKAGE_ID, "BATCH_TIMEOUT", "50ms");
                Process peer = startPeer(peerJar, peerEnvironment, "peer-1.log", operationsPort);
                try {
                    anchorAcrossAKill(network.resolve("connection.json"), () -> {
                        peer.destroyForcibly();
                        assertThat(peer.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    }, () -> startPeer(peerJar, peerEnvironment, "peer-2.log", operationsPort));
                } finally {
                    peer.destroyForcibly();
                }
            }
        }
    }

    private void anchorAcrossAKill(Path connection, ThrowingRunnable kill, ThrowingSupplier<Process> restart)
            throws Exception {
        List<LedgerEvent> seen = new CopyOnWriteArrayList<>();
        List<CertificateRequest> certificates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            certificates.add(LedgerFixtures.revenueCertificate(i));
        }
        Process restarted = null;
        try (FabricLedger fabric = FabricLedger.connect(connection, TestDatabase.fresh(), DevNetworks.TEST_SETTINGS)) {
            Ledger admin = fabric.ledger("admin");
            admin.registerIssuer(LedgerFixtures.department("REV", "Revenue"));
            admin.addSignerKey("REV", LedgerFixtures.signer(LedgerFixtures.REV_SIGNER));
            Ledger revenue = fabric.ledger("REV");
            try (EventSubscription events = fabric.ledger("verifier").subscribe("kill-counter", seen::add)) {
                for (int i = 0; i < 10; i++) {
                    revenue.issue(List.of(certificates.get(i)));
                }

                kill.run();
                assertThatThrownBy(() -> revenue.issue(List.of(certificates.get(10))))
                        .isInstanceOfSatisfying(LedgerException.class,
                                e -> assertThat(e.code()).as(e.getMessage()).isEqualTo(LedgerErrorCode.UNAVAILABLE));

                restarted = restart.get();
                DevNetworks.await(Duration.ofSeconds(60), () -> issues(revenue, certificates.get(10)),
                        "anchoring through the restarted peer");
                for (int i = 11; i < 20; i++) {
                    revenue.issue(List.of(certificates.get(i)));
                }

                DevNetworks.await(Duration.ofSeconds(60), () -> issuedIds(seen).keySet().size() == 20,
                        "an event for each of the 20 certificates");
                // Each count must stay at one for a second: a late duplicate would show up within it.
                await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                        assertThat(issuedIds(seen)).as("each certificate's event exactly once").hasSize(20)
                                .allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L)));
            }
            for (CertificateRequest certificate : certificates) {
                long issuing = revenue.history(certificate.id().toString()).history().stream()
                        .filter(entry -> !entry.deleted() && entry.record() != null).count();
                assertThat(issuing).as("history of %s", certificate.id()).isEqualTo(1);
            }
        } finally {
            if (restarted != null) {
                restarted.destroyForcibly();
            }
        }
    }

    private static boolean issues(Ledger revenue, CertificateRequest certificate) {
        try {
            revenue.issue(List.of(certificate));
            return true;
        } catch (LedgerException e) {
            if (e.code() != LedgerErrorCode.UNAVAILABLE) {
                throw e;
            }
            return false;
        }
    }

    private static Map<String, Long> issuedIds(List<LedgerEvent> seen) {
        return seen.stream().filter(e -> e instanceof LedgerEvent.CertificateIssued)
                .flatMap(e -> ((LedgerEvent.CertificateIssued) e).payload().ids().stream())
                .map(Object::toString)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private Process startPeer(Path peerJar, Map<String, String> environment, String log, int operationsPort)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("java", "-jar", peerJar.toString(), "serve")
                .redirectErrorStream(true).redirectOutput(folder.resolve(log).toFile());
        builder.environment().putAll(environment);
        Process peer = builder.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + operationsPort + "/healthz")).build();
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!peer.isAlive()) {
                    throw new AssertionError("the peer stopped while starting: " + Files.readString(folder.resolve(log)));
                }
                try {
                    return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException notYet) {
                    return false;
                }
            });
            return peer;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            peer.destroyForcibly();
            throw new AssertionError("the peer was not healthy within 90 s: " + Files.readString(folder.resolve(log)), e);
        }
    }

    private static Path jar(String property) {
        String value = System.getProperty(property);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new AssertionError("no jar at system property " + property + " (" + value + "): build with"
                    + " mvn -B package -DskipTests (the reactor packages network and chaincode before the ledger tests)");
        }
        return Path.of(value);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    @FunctionalInterface
    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
