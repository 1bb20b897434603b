package org.pramaan.bridge.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./pramaan} as an operator uses it, on its own ports and a temporary state folder: {@code up}
 * starts the whole platform on the Fabric path, {@code keys list} signs in as the admin (a token for the password) and
 * lists the department keys; after one part is killed with -9, {@code status}
 * says so and exits 1, and {@code up} brings back only what is missing (before, it refused while any
 * service ran); {@code status} is then clean, and {@code down} stops everything.
 */
class RunScriptIT {

    /** The run script's fixed ports: the test must not fight another Pramaan on this machine. */
    private static final List<Integer> PORTS = List.of(5433, 9999, 7051, 9443, 8081, 8082, 8083);
    private static final Duration UP = Duration.ofMinutes(6);

    @TempDir
    Path home;

    @Test
    void upBringsBackTheOnePartThatCrashedAndStatusTellsTheTruth() throws Exception {
        for (int port : PORTS) {
            assertThat(listening(port)).as("port %d must be free for the run script test (is a Pramaan running?)", port)
                    .isFalse();
        }
        try {
            Result up = run(UP, "up");
            assertThat(up.exit()).as(up.output()).isZero();
            assertThat(up.output()).contains("Pramaan is up").contains("Starting the development peer")
                    .contains("Starting the chaincode server");
            Result healthy = run(Duration.ofMinutes(1), "status");
            assertThat(healthy.exit()).as(healthy.output()).isZero();
            // An admin command through the API: the admin's password for a token at the token door, then the token
            // (the API refuses an officer's HTTP Basic).
            Result keys = run(Duration.ofMinutes(2), "keys", "list");
            assertThat(keys.exit()).as(keys.output()).isZero();
            assertThat(keys.output()).contains("DEPT", "STATUS").containsPattern("REV\\s+\\S+\\s+ACTIVE");

            long verifier = Long.parseLong(Files.readString(home.resolve("run/verifier-app.pid")).trim());
            ProcessHandle.of(verifier).orElseThrow().destroyForcibly();
            ProcessHandle.of(verifier).ifPresent(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());

            Result broken = run(Duration.ofMinutes(1), "status");
            assertThat(broken.exit()).as("status exits 1 when a part is down: " + broken.output()).isEqualTo(1);
            assertThat(broken.output()).containsPattern("verifier-app\\s+-\\s+stopped");

            Result again = run(UP, "up");
            assertThat(again.exit()).as(again.output()).isZero();
            assertThat(again.output()).contains("issuer-service is already running").contains("peer is already running")
                    .contains("Starting verifier-app");
            Result healed = run(Duration.ofMinutes(1), "status");
            assertThat(healed.exit()).as(healed.output()).isZero();
            assertThat(healed.output()).containsPattern("postgres\\s+\\d+\\s+answers queries");
        } finally {
            Result down = run(Duration.ofMinutes(3), "down");
            assertThat(down.exit()).as(down.output()).isZero();
        }
        for (int port : PORTS) {
            assertThat(listening(port)).as("port %d free again after down", port).isFalse();
        }
    }

    private record Result(int exit, String output) {
    }

    private Result run(Duration limit, String... arguments) throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("pramaan.root", "..")).toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>();
        command.add(root.resolve("pramaan").toString());
        command.addAll(List.of(arguments));
        Path output = Files.createTempFile(home, "pramaan-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put("PRAMAAN_HOME", home.toString());
        env.put("PRAMAAN_NO_BUILD", "1");
        env.remove("DATABASE_URL");
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./pramaan " + String.join(" ", arguments) + " did not finish in " + limit
                    + ":\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
