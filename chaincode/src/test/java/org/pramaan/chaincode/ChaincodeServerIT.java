package org.pramaan.chaincode;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged chaincode-as-a-service jar starts on its own, as the network scripts will run it,
 * and listens where {@code CHAINCODE_SERVER_ADDRESS} says.
 */
class ChaincodeServerIT {

    private static final Duration STARTUP_DEADLINE = Duration.ofSeconds(60);
    private static final Duration POLL_PAUSE = Duration.ofMillis(100);

    @TempDir
    Path temp;

    private Process server;

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null && server.isAlive()) {
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void theServerJarListensOnTheConfiguredAddress() throws Exception {
        int port = freePort();
        Path log = temp.resolve("chaincode.log");
        server = start(port, log);

        awaitListening(port, log);

        assertThat(server.isAlive()).isTrue();
        assertThat(output(log)).contains("Found class: org.pramaan.chaincode.CertificateContract");
    }

    private static Process start(int port, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", serverJar().toString()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("CORE_") || name.startsWith("CHAINCODE_")
                || name.startsWith("PRAMAAN_"));
        env.put("CHAINCODE_SERVER_ADDRESS", "127.0.0.1:" + port);
        env.put("CORE_CHAINCODE_ID_NAME", "pramaan_1:0000");
        env.put("CORE_PEER_TLS_ENABLED", "false");
        builder.redirectErrorStream(true);
        builder.redirectOutput(log.toFile());
        return builder.start();
    }

    private void awaitListening(int port, Path log) {
        long deadline = System.nanoTime() + STARTUP_DEADLINE.toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new AssertionError("the chaincode server exited with " + server.exitValue()
                        + " before listening; output:\n" + output(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                LockSupport.parkNanos(POLL_PAUSE.toNanos());
            }
        }
        throw new AssertionError("the chaincode server did not listen on 127.0.0.1:" + port + " within "
                + STARTUP_DEADLINE + "; output:\n" + output(log));
    }

    private static Path serverJar() throws IOException {
        Path target = Paths.get(System.getProperty("pramaan.build.directory", "target"));
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("pramaan-chaincode") && name.endsWith("-server.jar");
            }).findFirst().orElseThrow(() -> new AssertionError(
                    "no pramaan-chaincode*-server.jar in " + target.toAbsolutePath() + "; run the package phase first"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String output(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no output)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
