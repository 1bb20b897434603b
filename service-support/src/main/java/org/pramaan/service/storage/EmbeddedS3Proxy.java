package org.pramaan.service.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * S3Proxy with its filesystem backend, run as its own process from its self-contained jar: the development and test
 * object store, as the embedded PostgreSQL is the development database. Objects are plain files under
 * {@code folder/<bucket>/<key>}. The process listens on loopback only and dies with the process that started it even
 * after a kill -9: it runs under a small shell that holds a pipe from us and stops S3Proxy when the pipe closes.
 *
 * <pre>{@code
 * try (EmbeddedS3Proxy proxy = EmbeddedS3Proxy.start(jar, folder, 0)) {
 *     ObjectStore store = new S3ObjectStore(proxy.settings("pramaan")).createBucketIfMissing();
 * }
 * }</pre>
 */
public final class EmbeddedS3Proxy implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedS3Proxy.class);
    private static final Duration READY = Duration.ofSeconds(120);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path jar;
    private final Path folder;
    private final int port;
    private final String identity;
    private final String credential;
    private Process process;

    private EmbeddedS3Proxy(Path jar, Path folder, int port, String identity, String credential) {
        this.jar = jar;
        this.folder = folder;
        this.port = port;
        this.identity = identity;
        this.credential = credential;
    }

    /** Starts S3Proxy on {@code port} (0: a free one) over {@code folder}, with fresh credentials; returns once it answers. */
    public static EmbeddedS3Proxy start(Path jar, Path folder, int port) {
        return start(jar, folder, port, "pramaan-" + hex(6), hex(24));
    }

    /** As {@link #start(Path, Path, int)} with given credentials. */
    public static EmbeddedS3Proxy start(Path jar, Path folder, int port, String identity, String credential) {
        if (!Files.isRegularFile(Objects.requireNonNull(jar, "jar"))) {
            throw new IllegalStateException("no S3Proxy jar at " + jar + "; build service-support first (mvn -pl"
                    + " service-support package) or set EMBEDDED_S3PROXY_JAR");
        }
        EmbeddedS3Proxy proxy = new EmbeddedS3Proxy(jar.toAbsolutePath(), folder.toAbsolutePath(),
                port == 0 ? freePort() : port, identity, credential);
        proxy.start();
        return proxy;
    }

    /** The S3Proxy properties for a store on {@code port} over {@code folder}: what {@code ./pramaan up} runs it with too. */
    public static String configuration(Path folder, int port, String identity, String credential) {
        return String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:" + port,
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + identity,
                "s3proxy.credential=" + credential,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + folder.toAbsolutePath(),
                "") ;
    }

    /** Starts the process again on the same port and folder (after {@link #stop}). */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(folder);
            Path conf = folder.resolveSibling(folder.getFileName() + "-s3proxy.conf");
            Files.deleteIfExists(conf);
            Files.createFile(conf, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(conf, configuration(folder, port, identity, credential), StandardCharsets.UTF_8);
            Path log = folder.resolveSibling(folder.getFileName() + "-s3proxy.log");
            // The shell starts S3Proxy, then reads our pipe until it closes (we stopped it, exited or were killed) and
            // stops S3Proxy then: no orphan store is left behind.
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String script = "\"$0\" -Xmx160m -XX:+UseSerialGC"
                    + " -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener"
                    + " -jar \"$1\" --properties \"$2\" </dev/null & child=$!\n"
                    + "trap 'kill $child 2>/dev/null; wait $child' EXIT\n"
                    + "cat >/dev/null\n";
            ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", script, java, jar.toString(), conf.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("LOG_LEVEL", "warn");
            process = builder.start();
            awaitReady(log);
            LOG.info("Embedded S3Proxy on {} over {} (log {})", endpoint(), folder, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start S3Proxy from " + jar, e);
        }
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(READY);
        while (Instant.now().isBefore(deadline)) {
            if (answers()) {
                return;
            }
            try {
                process.onExit().get(200, TimeUnit.MILLISECONDS);
                throw new IllegalStateException("S3Proxy stopped while starting; see " + log);
            } catch (TimeoutException stillRunning) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop();
                throw new IllegalStateException("interrupted while S3Proxy started", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("S3Proxy stopped while starting; see " + log, e);
            }
        }
        stop();
        throw new IllegalStateException("S3Proxy did not answer on port " + port + " within " + READY + "; see " + log);
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Stops the process (its files stay); {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> descendants = process.descendants().toList();
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("closing S3Proxy's pipe", e);
        }
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                descendants.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        for (ProcessHandle child : descendants) {
            try {
                child.onExit().get(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                child.destroyForcibly();
            }
        }
        process = null;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The folder holding the objects: {@code folder/<bucket>/<key>}. */
    public Path folder() {
        return folder;
    }

    public String identity() {
        return identity;
    }

    public String credential() {
        return credential;
    }

    /** How an {@link S3ObjectStore} reaches this proxy's {@code bucket}. */
    public S3ObjectStore.Settings settings(String bucket) {
        return new S3ObjectStore.Settings(endpoint(), "us-east-1", bucket, identity, credential, Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
