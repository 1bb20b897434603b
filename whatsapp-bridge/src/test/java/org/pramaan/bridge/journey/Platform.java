package org.pramaan.bridge.journey;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.network.DevNetwork;
import org.pramaan.network.DevNetworkSettings;
import org.pramaan.network.ordering.BatchSettings;
import org.pramaan.service.database.EmbeddedPostgresServer;
import org.pramaan.service.storage.EmbeddedS3Proxy;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The whole platform as {@code ./pramaan up} runs it, but on ports, secrets and a state folder chosen by the test:
 * one PostgreSQL shared by everyone (the development peer keeps the ledger in it), the development Fabric network
 * (the chaincode jar as a service, the peer in this JVM, the connection file the services read), then
 * issuer-service, verifier-app and whatsapp-bridge from their packaged jars, the bridge talking to a recording
 * Graph API stand-in instead of Meta.
 */
final class Platform implements AutoCloseable {

    private static final Duration READY = Duration.ofSeconds(180);

    final Path home;
    final Map<String, String> secrets = new LinkedHashMap<>();
    final String phoneNumberId = "100000000000077";
    private final List<AutoCloseable> started = new ArrayList<>();
    private EmbeddedPostgresServer database;
    private EmbeddedS3Proxy objects;
    private String jdbcUrl;
    private DevNetwork network;
    GraphStandIn graph;
    ServiceProcess issuer;
    ServiceProcess verifier;
    ServiceProcess bridge;

    private Platform(Path home) {
        this.home = home;
    }

    /** What a journey does with the running platform. */
    interface Journey {
        void run(Platform platform) throws Exception;
    }

    /** The repository root, where the services' packaged jars are (the build sets {@code pramaan.root}). */
    static Path jarsRoot() {
        return Path.of(System.getProperty("pramaan.root", "..")).toAbsolutePath().normalize();
    }

    /**
     * One test's folder for the services' logs, {@code <journey.logs>/<name>}: one folder per test, so one test's logs
     * never overwrite another's.
     */
    static Path logs(String name) {
        return Path.of(System.getProperty("journey.logs", "target/journey")).toAbsolutePath().resolve(name);
    }

    /**
     * Starts the platform, runs the journey on it and stops it again; a failure carries the tails of the services'
     * logs, which is where its cause usually shows.
     */
    static void run(Path home, String name, Map<String, String> extra, Journey journey) throws Exception {
        try (Platform platform = start(home, jarsRoot(), logs(name), extra)) {
            try {
                journey.run(platform);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\n" + platform.logTails(), e);
            }
        }
    }

    /**
     * Starts everything; if any part fails to start, what did start is stopped again before the failure is thrown.
     */
    static Platform start(Path home, Path jarsRoot, Path logs) throws IOException {
        return start(home, jarsRoot, logs, Map.of());
    }

    /** As {@link #start(Path, Path, Path)}, with more environment for every service (LOG_FORMAT, say). */
    static Platform start(Path home, Path jarsRoot, Path logs, Map<String, String> extra) throws IOException {
        Platform platform = new Platform(home);
        try {
            platform.startAll(jarsRoot, logs, extra);
            return platform;
        } catch (RuntimeException | Error | IOException e) {
            platform.close();
            throw e;
        }
    }

    private void startAll(Path jarsRoot, Path logs, Map<String, String> extra) throws IOException {
        database = EmbeddedPostgresServer.start(home.resolve("postgres"), 0);
        started.add(database);
        jdbcUrl = "jdbc:postgresql://localhost:" + database.port() + "/postgres?user=postgres&password=postgres";
        objects = EmbeddedS3Proxy.start(ServiceEnvironment.s3ProxyJar(jarsRoot), home.resolve("objects"), 0);
        started.add(objects);
        network = DevNetwork.start(new DevNetworkSettings(home.resolve("network"), DevNetworkSettings.CATALOGUE_DEPARTMENTS,
                Path.of(requiredProperty(DevNetworkSettings.CHAINCODE_JAR_PROPERTY)), jdbcUrl,
                new BatchSettings(500, Duration.ofMillis(100))));
        started.add(network);
        // The shared secrets the run script makes once, before any service starts, in its format (32 letters and
        // digits); the Graph API access token is Meta's, here the stand-in's.
        for (String name : List.of("BRIDGE_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN",
                "ISSUER_BRIDGE_CLIENT_SECRET", "VERIFIER_API_KEY_BRIDGE", "WHATSAPP_ACCESS_TOKEN")) {
            secrets.put(name, randomSecret());
        }
        secrets.put("ISSUER_BRIDGE_CLIENT_ID", "whatsapp-bridge");
        graph = new GraphStandIn(phoneNumberId, secrets.get("WHATSAPP_ACCESS_TOKEN"));
        started.add(graph);

        String version = System.getProperty("pramaan.version", "0.1.0-SNAPSHOT");
        issuer = new ServiceProcess("issuer-service", jar(jarsRoot, "issuer-service", version),
                logs.resolve("issuer-service.log"), freePort());
        verifier = new ServiceProcess("verifier-app", jar(jarsRoot, "verifier-app", version),
                logs.resolve("verifier-app.log"), freePort());
        bridge = new ServiceProcess("whatsapp-bridge", jar(jarsRoot, "whatsapp-bridge", version),
                logs.resolve("whatsapp-bridge.log"), freePort());
        Map<String, String> environment = environment();
        environment.putAll(extra);

        // In the run script's order: the issuer makes the keys and registers the departments that the verifier
        // reads from the ledger; the bridge needs neither at start, so it starts alongside the verifier.
        started.add(issuer);
        issuer.start(environment);
        issuer.awaitReady(READY);
        started.add(verifier);
        verifier.start(environment);
        started.add(bridge);
        bridge.start(environment);
        verifier.awaitReady(READY);
        bridge.awaitReady(READY);
    }

    /** What every service gets, as {@code ./pramaan up} exports it to all three. */
    private Map<String, String> environment() {
        return ServiceEnvironment.of(secrets, home, jdbcUrl, network.connectionFile(), issuer, verifier, bridge, phoneNumberId, graph, objects);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    javax.sql.DataSource dataSource() {
        return new DriverManagerDataSource(jdbcUrl);
    }

    DevNetwork network() {
        return network;
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (the build sets it)");
        }
        return value;
    }

    /** The assignments the services appended to {@code $PRAMAAN_HOME/dev.env} (officer sign-ins and the like). */
    Map<String, String> devEnv() {
        return org.pramaan.service.devsettings.DevSettingsFile.in(home).read();
    }

    /** The tail of every service's log, for a failure message. */
    String logTails() {
        StringBuilder out = new StringBuilder();
        for (ServiceProcess service : new ServiceProcess[] {issuer, verifier, bridge}) {
            if (service != null) {
                out.append('\n').append(service.tail(40));
            }
        }
        if (graph != null && !graph.refusals().isEmpty()) {
            out.append("\n---- Graph API stand-in refused ----\n").append(String.join("\n", graph.refusals()));
        }
        return out.toString();
    }

    /** Stops the services (newest first), the Graph stand-in and the database, also after a failure. */
    @Override
    public void close() {
        List<String> problems = new ArrayList<>();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                problems.add(e.toString());
            }
        }
        started.clear();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("stopping the platform: " + problems);
        }
    }

    private static Path jar(Path root, String module, String version) {
        return root.resolve(module).resolve("target").resolve(module + "-" + version + ".jar");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Like the run script's {@code head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32}. */
    private static String randomSecret() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            secret.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return secret.toString();
    }
}
