package org.pramaan.network.chaincode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chaincode server jar running as a child process, started the way an operator runs chaincode as
 * a service: {@code java -jar} with {@code CHAINCODE_SERVER_ADDRESS}, {@code CORE_CHAINCODE_ID_NAME},
 * {@code CORE_PEER_LOCALMSPID} and the TLS variables shim 2.5.10 requires (S/shim/ChaincodeBase.java:
 * the server key pair in {@code CORE_TLS_CLIENT_*_FILE}, and also base64 copies in
 * {@code CORE_TLS_CLIENT_*_PATH} and a root in {@code CORE_PEER_TLS_ROOTCERT_FILE}, which it loads on
 * every stream). Output goes to {@link #logFile()}, appended across restarts.
 *
 * <pre>{@code
 * ChaincodeServerSettings settings = ChaincodeServerSettings.builder(jar, 9999, "pramaan_1:0000")
 *         .tls(new ChaincodeServerSettings.ServerTls(cert, key, rootCa)).workDirectory(dir).build();
 * try (ChaincodeServerProcess server = new ChaincodeServerProcess(settings)) {
 *     server.start();      // returns once the port accepts connections
 *     server.kill();       // SIGKILL, as a crash
 *     server.start();      // again on the same port
 * }
 * }</pre>
 */
public final class ChaincodeServerProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChaincodeServerProcess.class);
    private static final int LOG_TAIL_LINES = 40;
    private static final long PROBE_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ChaincodeServerSettings settings;
    private Process process;

    public ChaincodeServerProcess(ChaincodeServerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ChaincodeServerSettings settings() {
        return settings;
    }

    /** {@code host:port} the server listens on. */
    public String address() {
        return settings.address();
    }

    public Path logFile() {
        return settings.workDirectory().resolve("chaincode-server-" + settings.port() + ".log");
    }

    /**
     * Starts the server unless it runs, and waits until its port accepts connections.
     *
     * @throws IllegalStateException with the log's tail if it exits or does not listen in time
     */
    public synchronized void start() {
        if (isAlive()) {
            return;
        }
        if (!Files.isRegularFile(settings.serverJar())) {
            throw new IllegalStateException("no chaincode server jar at " + settings.serverJar()
                    + "; build it with: mvn -pl chaincode -am package -DskipTests");
        }
        try {
            Files.createDirectories(settings.workDirectory());
            ProcessBuilder builder = new ProcessBuilder(command());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("CORE_") || name.startsWith("CHAINCODE_"));
            env.putAll(environment());
            builder.redirectErrorStream(true);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start chaincode server " + settings.address(), e);
        }
        LOG.info("started chaincode server {} as {} (pid {}), log {}", settings.packageId(), settings.address(),
                process.pid(), logFile());
        awaitListening();
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Kills the server at once (SIGKILL), as a crash would, and waits until it is gone. */
    public synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        waitGone();
        LOG.info("killed chaincode server {}", settings.address());
    }

    /** Stops the server: a polite request first, then SIGKILL after 10 s. */
    @Override
    public synchronized void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        waitGone();
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(settings.jvmOptions());
        command.add("-jar");
        command.add(settings.serverJar().toAbsolutePath().toString());
        return command;
    }

    private Map<String, String> environment() throws IOException {
        Map<String, String> env = new java.util.HashMap<>(settings.environment());
        env.put("CHAINCODE_SERVER_ADDRESS", settings.address());
        env.put("CORE_CHAINCODE_ID_NAME", settings.packageId());
        env.put("CORE_PEER_LOCALMSPID", settings.mspId());
        env.put("CORE_PEER_TLS_ENABLED", Boolean.toString(settings.tls().isPresent()));
        if (settings.tls().isPresent()) {
            ChaincodeServerSettings.ServerTls tls = settings.tls().get();
            env.put("CORE_TLS_CLIENT_CERT_FILE", tls.certificatePem().toAbsolutePath().toString());
            env.put("CORE_TLS_CLIENT_KEY_FILE", tls.privateKeyPem().toAbsolutePath().toString());
            env.put("CORE_PEER_TLS_ROOTCERT_FILE", tls.rootCertificatePem().toAbsolutePath().toString());
            env.put("CORE_TLS_CLIENT_CERT_PATH", base64Copy(tls.certificatePem(), "server-cert.b64").toString());
            env.put("CORE_TLS_CLIENT_KEY_PATH", base64Copy(tls.privateKeyPem(), "server-key.b64").toString());
        }
        return env;
    }

    /** The shim reads its *_PATH files as base64 of a PEM (S/shim/ChaincodeBase.java createSSLContext). */
    private Path base64Copy(Path pem, String name) throws IOException {
        Path copy = settings.workDirectory().resolve(settings.port() + "-" + name);
        Files.writeString(copy, Base64.getEncoder().encodeToString(Files.readAllBytes(pem)), StandardCharsets.US_ASCII);
        return copy.toAbsolutePath();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + settings.startupTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("chaincode server " + settings.address() + " exited with "
                        + process.exitValue() + " before listening; its log ends:\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(settings.host(), settings.port()), 500);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(PROBE_PAUSE_NANOS);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("chaincode server " + settings.address() + " did not listen within "
                + settings.startupTimeout() + "; its log ends:\n" + logTail());
    }

    private void waitGone() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("chaincode server " + settings.address() + " (pid " + process.pid()
                        + ") did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping chaincode server " + settings.address(), e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.exists(logFile()) ? Files.readAllLines(logFile(), StandardCharsets.UTF_8) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile() + ": " + e.getMessage() + ")";
        }
    }
}
