package org.pramaan.bridge.journey;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.pramaan.network.DevNetworkSettings;
import org.pramaan.network.chaincode.ChaincodeServerProcess;
import org.pramaan.network.chaincode.ChaincodeServerSettings;
import org.pramaan.network.identity.NetworkMaterial;
import org.pramaan.network.peer.ChaincodeLink;
import org.pramaan.service.database.EmbeddedPostgresServer;
import org.pramaan.service.storage.EmbeddedS3Proxy;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The platform as {@code ./pramaan up} runs it, every part its own process so that each can be killed with -9: the
 * embedded PostgreSQL (the peer's ledger and the services' data), the chaincode server jar, the development peer jar
 * ({@code init}, then {@code serve}), issuer-service, verifier-app and whatsapp-bridge from their jars, the bridge
 * talking to a Graph API stand-in. Ports are fixed at start so that a restarted part comes back where the others
 * look for it.
 */
final class FaultPlatform implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(240);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Path home;
    final Map<String, String> secrets = new LinkedHashMap<>();
    final String phoneNumberId = "100000000000078";
    private final Path root;
    private final Path logs;
    private final int databasePort;
    private final int peerPort;
    private final int operationsPort;
    private final String jdbcUrl;
    private EmbeddedPostgresServer database;
    /** The object store (certificate PDFs), S3Proxy as ./pramaan up runs it; its files are on the same disk. */
    private EmbeddedS3Proxy objects;
    private ChaincodeServerProcess chaincode;
    private Process peer;
    GraphStandIn graph;
    ServiceProcess issuer;
    ServiceProcess verifier;
    ServiceProcess bridge;
    /** A second instance of each service on the same database (see {@link #startSecondInstances}); null until then. */
    ServiceProcess issuer2;
    ServiceProcess verifier2;
    ServiceProcess bridge2;
    private Map<String, String> environment;
    private Map<String, String> environment2;
    /** Set on every service on top of what ./pramaan up exports (e.g. short leases for a drill). */
    private final Map<String, String> extraEnvironment;

    private FaultPlatform(Path home, Path root, Path logs, Map<String, String> extraEnvironment) throws IOException {
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.home = home;
        this.root = root;
        this.logs = logs;
        this.databasePort = freePort();
        this.peerPort = freePort();
        this.operationsPort = freePort();
        this.jdbcUrl = "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres&password=postgres";
    }

    static FaultPlatform start(Path home, Path root, Path logs) throws IOException {
        return start(home, root, logs, Map.of());
    }

    /** The platform with {@code extraEnvironment} given to every service besides the usual. */
    static FaultPlatform start(Path home, Path root, Path logs, Map<String, String> extraEnvironment)
            throws IOException {
        FaultPlatform platform = new FaultPlatform(home, root, logs, extraEnvironment);
        try {
            platform.startAll();
            return platform;
        } catch (RuntimeException | Error | IOException e) {
            platform.close();
            throw e;
        }
    }

    private Path requiredJar(Path jar, String build) {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("missing " + jar + "; build it first: " + build);
        }
        return jar;
    }

    private void startAll() throws IOException {
        Path peerJar = requiredJar(root.resolve("network/target/pramaan-dev-peer.jar"),
                "mvn -q -B -pl network -am package -DskipTests");
        Path chaincodeJar = requiredJar(root.resolve("chaincode/target/pramaan-chaincode-server.jar"),
                "mvn -q -B -pl chaincode -am package -DskipTests");
        startDatabase();
        objects = EmbeddedS3Proxy.start(requiredJar(ServiceEnvironment.s3ProxyJar(root),
                "mvn -q -B -pl service-support -am package -DskipTests"), objectsDirectory(), 0);
        Path network = home.resolve("network");
        run(List.of(java(), "-jar", peerJar.toString(), "init", "--folder", network.toString(), "--departments",
                String.join(",", DevNetworkSettings.CATALOGUE_DEPARTMENTS), "--port", Integer.toString(peerPort)),
                logs.resolve("peer-init.log"));
        NetworkMaterial material = NetworkMaterial.open(network, List.of(), Clock.systemUTC());
        chaincode = new ChaincodeServerProcess(ChaincodeServerSettings
                .builder(chaincodeJar, freePort(), ChaincodeLink.DEFAULT_PACKAGE_ID)
                .mspId(NetworkMaterial.GOV)
                .tls(new ChaincodeServerSettings.ServerTls(material.chaincodeTlsFolder().resolve("cert.pem"),
                        material.chaincodeTlsFolder().resolve("key.pem"), material.tlsRootFile()))
                .workDirectory(network.resolve("chaincode")).build());
        chaincode.start();
        startPeer();

        for (String name : List.of("BRIDGE_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN",
                "ISSUER_BRIDGE_CLIENT_SECRET", "VERIFIER_API_KEY_BRIDGE", "WHATSAPP_ACCESS_TOKEN")) {
            secrets.put(name, "drill" + name.hashCode() + "x" + System.nanoTime());
        }
        secrets.put("ISSUER_BRIDGE_CLIENT_ID", "whatsapp-bridge");
        graph = new GraphStandIn(phoneNumberId, secrets.get("WHATSAPP_ACCESS_TOKEN"));
        String version = System.getProperty("pramaan.version", "0.1.0-SNAPSHOT");
        issuer = new ServiceProcess("issuer-service", serviceJar("issuer-service", version),
                logs.resolve("issuer-service.log"), freePort());
        verifier = new ServiceProcess("verifier-app", serviceJar("verifier-app", version),
                logs.resolve("verifier-app.log"), freePort());
        bridge = new ServiceProcess("whatsapp-bridge", serviceJar("whatsapp-bridge", version),
                logs.resolve("whatsapp-bridge.log"), freePort());
        environment = environment(network.resolve("connection.json"));
        issuer.start(environment);
        issuer.awaitReady(READY);
        verifier.start(environment);
        bridge.start(environment);
        verifier.awaitReady(READY);
        bridge.awaitReady(READY);
    }

    private Path serviceJar(String module, String version) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }

    private Map<String, String> environment(Path connection) {
        return environment(connection, issuer, verifier, bridge);
    }

    private Map<String, String> environment(Path connection, ServiceProcess issuer, ServiceProcess verifier,
            ServiceProcess bridge) {
        Map<String, String> env = new LinkedHashMap<>(ServiceEnvironment.of(secrets, home, jdbcUrl, connection, issuer,
                verifier, bridge, phoneNumberId, graph, objects));
        env.putAll(extraEnvironment);
        return env;
    }

    /**
     * A second issuer-service, verifier-app and whatsapp-bridge on other ports and the same PostgreSQL and ledger,
     * as a second machine of each would run: the second instances call each other, and share every queue with the
     * first ones through the database.
     */
    void startSecondInstances() throws IOException {
        String version = System.getProperty("pramaan.version", "0.1.0-SNAPSHOT");
        issuer2 = new ServiceProcess("issuer-service-2", serviceJar("issuer-service", version),
                logs.resolve("issuer-service-2.log"), freePort());
        verifier2 = new ServiceProcess("verifier-app-2", serviceJar("verifier-app", version),
                logs.resolve("verifier-app-2.log"), freePort());
        bridge2 = new ServiceProcess("whatsapp-bridge-2", serviceJar("whatsapp-bridge", version),
                logs.resolve("whatsapp-bridge-2.log"), freePort());
        environment2 = environment(home.resolve("network").resolve("connection.json"), issuer2, verifier2, bridge2);
        issuer2.start(environment2);
        issuer2.awaitReady(READY);
        verifier2.start(environment2);
        bridge2.start(environment2);
        verifier2.awaitReady(READY);
        bridge2.awaitReady(READY);
    }

    // --- the parts, each killable -------------------------------------------------------------

    void startDatabase() {
        database = EmbeddedPostgresServer.start(home.resolve("postgres"), databasePort);
    }

    /** kill -9 of the postmaster and every backend (a crash of the server, not of one connection). */
    void killDatabase() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(home.resolve("postgres").resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("no postmaster " + pid));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().orTimeout(20, TimeUnit.SECONDS).join();
        }
        try {
            database.close(); // releases the embedded library's lock on the data folder; pg_ctl finds nothing to stop
        } catch (RuntimeException alreadyDead) {
            // expected: the server is gone
        }
        database = null; // its files are reused by the next start
    }

    /** The server's address for an operator's tool (a backup). */
    org.pramaan.service.database.DatabaseUrl databaseUrl() {
        return new org.pramaan.service.database.DatabaseUrl(
                "jdbc:postgresql://localhost:" + databasePort + "/postgres", "postgres", "postgres");
    }

    Path dataDirectory() {
        return home.resolve("postgres");
    }

    Path objectsDirectory() {
        return home.resolve("objects");
    }

    /**
     * The object store's half of a backup (docs/operations.md): its files copied after the database's backup has
     * finished, so that every certificate row in that backup finds its PDF (each PDF is written before its row
     * commits). Objects are never changed once written; a file already in the copy is left as it is.
     */
    void backupObjects(Path backup) throws IOException {
        copyNewFiles(objectsDirectory(), backup.resolve("objects"));
    }

    private static void copyNewFiles(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    try {
                        Files.copy(file, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                    } catch (java.nio.file.NoSuchFileException vanished) {
                        // Listed, then gone: S3Proxy's temporary file of an upload in flight, renamed into place as
                        // the object after this backup began (as a backup tool, skipped; the database was backed up
                        // first, so every object a backed-up row names existed before this walk listed it).
                    }
                }
            }
        }
    }

    /**
     * The disk is lost: every service, the peer and PostgreSQL die (-9), the data folder is deleted, the backup is put
     * back, and every part starts again on it (the chaincode server holds no state and stays).
     */
    void loseTheDiskAndRestore(Path backup) throws IOException, InterruptedException {
        for (ServiceProcess service : List.of(bridge, verifier, issuer)) {
            service.kill();
        }
        killPeer();
        killDatabase();
        try (var files = Files.walk(dataDirectory())) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        org.pramaan.service.database.PhysicalBackup.restore(backup, dataDirectory(), Clock.systemUTC());
        // The object store's files were on the lost disk too: they come back from the backup's copy.
        objects.stop();
        try (var files = Files.walk(objectsDirectory())) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
        copyNewFiles(backup.resolve("objects"), objectsDirectory());
        objects.start();
        startDatabase();
        startPeer();
        for (ServiceProcess service : List.of(issuer, verifier, bridge)) {
            restart(service);
        }
    }

    /** What an audit command printed and how it exited. */
    record AuditRun(int exit, String output) {
    }

    /**
     * {@code ./pramaan audit}, as the script runs it: issuer-service's AuditMain from its jar (a whole pass, --fresh),
     * then the development peer's chain audit.
     */
    List<AuditRun> audit() throws IOException, InterruptedException {
        String version = System.getProperty("pramaan.version", "0.1.0-SNAPSHOT");
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put("PEER_FOLDER", home.resolve("network").toString());
        return List.of(
                runTool(List.of(java(), "-Dloader.main=org.pramaan.issuer.audit.AuditMain", "-cp",
                        serviceJar("issuer-service", version).toString(),
                        "org.springframework.boot.loader.launch.PropertiesLauncher", "--fresh"), env,
                        logs.resolve("audit-issuer.log")),
                runTool(List.of(java(), "-jar", root.resolve("network/target/pramaan-dev-peer.jar").toString(), "audit"),
                        env, logs.resolve("audit-chain.log")));
    }

    private static AuditRun runTool(List<String> command, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        Process p = builder.start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 180 s: " + tail(log, 20));
        }
        return new AuditRun(p.exitValue(), tail(log, 20));
    }

    void startPeer() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PEER_FOLDER", home.resolve("network").toString());
        env.put("PEER_LISTEN", "127.0.0.1:" + peerPort);
        env.put("PEER_OPERATIONS", "127.0.0.1:" + operationsPort);
        env.put("DATABASE_URL", jdbcUrl);
        env.put("CHAINCODE_ADDRESS", chaincode.address());
        env.put("CHAINCODE_ID", ChaincodeLink.DEFAULT_PACKAGE_ID);
        env.put("BATCH_TIMEOUT", "100ms");
        try {
            ProcessBuilder builder = new ProcessBuilder(java(), "-Xmx384m", "-XX:+UseSerialGC", "-jar",
                    root.resolve("network/target/pramaan-dev-peer.jar").toString(), "serve")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve("peer.log").toFile()));
            builder.environment().putAll(env);
            peer = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the peer", e);
        }
        awaitHealthy(READY, () -> !peer.isAlive(), "the peer did not become ready");
    }

    void killPeer() throws InterruptedException {
        peer.destroyForcibly();
        peer.waitFor(20, TimeUnit.SECONDS);
    }

    void killChaincode() {
        chaincode.kill();
    }

    void startChaincode() {
        chaincode.start();
        awaitHealthy(Duration.ofSeconds(60), () -> false, "the peer did not reconnect to the chaincode");
    }

    void restart(ServiceProcess service) {
        service.start(environment);
        service.awaitReady(READY);
    }

    javax.sql.DataSource dataSource() {
        return new DriverManagerDataSource(jdbcUrl);
    }

    Map<String, String> devEnv() {
        return org.pramaan.service.devsettings.DevSettingsFile.in(home).read();
    }

    String logTails() {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess service : new ServiceProcess[] {issuer, verifier, bridge, issuer2, verifier2, bridge2}) {
            if (service != null) {
                out.append('\n').append(service.tail(30));
            }
        }
        out.append("\n---- peer ----\n").append(tail(logs.resolve("peer.log"), 30));
        return out.toString();
    }

    @Override
    public void close() {
        for (AutoCloseable part : new AutoCloseable[] {bridge2, verifier2, issuer2, bridge, verifier, issuer, graph}) {
            closeQuietly(part);
        }
        if (peer != null) {
            peer.destroy();
            try {
                if (!peer.waitFor(20, TimeUnit.SECONDS)) {
                    peer.destroyForcibly();
                }
            } catch (InterruptedException e) {
                peer.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        closeQuietly(chaincode);
        closeQuietly(objects);
        closeQuietly(database);
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part != null) {
            try {
                part.close();
            } catch (Exception e) {
                System.err.println("closing " + part + ": " + e);
            }
        }
    }

    private static boolean healthy(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void run(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new AssertionError(command + " failed: " + tail(log, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** Until the peer's health check answers, failing with its log at once if {@code gone} says it died. */
    private void awaitHealthy(Duration atMost, java.util.concurrent.Callable<Boolean> gone, String failure) {
        try {
            org.awaitility.Awaitility.await(failure).atMost(atMost).pollInterval(Duration.ofMillis(300))
                    .failFast(failure, gone)
                    .until(() -> healthy("http://127.0.0.1:" + operationsPort + "/healthz"));
        } catch (org.awaitility.core.ConditionTimeoutException | org.awaitility.core.TerminalFailureException e) {
            throw new AssertionError(failure + ": " + tail(logs.resolve("peer.log"), 40), e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
