package org.pramaan.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Node.js Fabric Gateway client of {@code src/test/node}, run as a separate process: its
 * sources are copied to {@code target/node-gateway-client} (so {@code node_modules} never lands in
 * the source tree), {@code npm ci} installs the locked packages, and {@code gateway-check.mjs}
 * runs against a connection file and prints one line of JSON.
 *
 * <pre>{@code
 * NodeGatewayClient client = NodeGatewayClient.install();
 * NodeGatewayClient.Run run = client.check(connectionFile, "NODEA");
 * }</pre>
 */
final class NodeGatewayClient {

    private static final Path SOURCES = Path.of("src", "test", "node");
    private static final Path WORK = Path.of("target", "node-gateway-client");
    private static final List<String> FILES = List.of("package.json", "package-lock.json", ".npmrc", "gateway-check.mjs");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CHECK_TIMEOUT = Duration.ofMinutes(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;

    private NodeGatewayClient(Path folder) {
        this.folder = folder;
    }

    /** Checks that node and npm are there, then installs the client's locked packages. */
    static NodeGatewayClient install() throws IOException, InterruptedException {
        requireTool("node", "--version");
        requireTool("npm", "--version");
        Path folder = WORK.toAbsolutePath();
        Files.createDirectories(folder);
        for (String file : FILES) {
            Files.copy(SOURCES.resolve(file), folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Result install = run(folder, INSTALL_TIMEOUT, "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund");
        if (install.exitCode() != 0) {
            throw new IllegalStateException("npm ci failed in " + folder + " (exit " + install.exitCode() + "):\n"
                    + install.stdout() + install.stderr());
        }
        return new NodeGatewayClient(folder);
    }

    /** Runs the check against {@code connectionFile}, registering {@code department}. */
    Run check(Path connectionFile, String department, String... moreArguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "gateway-check.mjs",
                connectionFile.toAbsolutePath().toString(), department));
        command.addAll(List.of(moreArguments));
        Result result = run(folder, CHECK_TIMEOUT, command.toArray(String[]::new));
        String[] lines = result.stdout().strip().split("\n");
        String last = lines[lines.length - 1];
        JsonNode summary;
        try {
            summary = JSON.readTree(last);
        } catch (IOException e) {
            throw new IllegalStateException("the Node client printed no JSON summary (exit " + result.exitCode()
                    + "):\nstdout: " + result.stdout() + "\nstderr: " + result.stderr(), e);
        }
        return new Run(result.exitCode(), summary, result.stderr());
    }

    /** One run of the check: its exit code, its summary line, and what it wrote to stderr. */
    record Run(int exitCode, JsonNode summary, String stderr) {
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    private static void requireTool(String tool, String versionFlag) throws InterruptedException {
        try {
            Result result = run(Path.of("."), Duration.ofSeconds(30), tool, versionFlag);
            if (result.exitCode() == 0) {
                return;
            }
        } catch (IOException e) {
            // not installed: the message below says what to do
        }
        throw new IllegalStateException("'" + tool + "' is needed to run the Node.js Fabric Gateway client"
                + " (Node 20.9 or newer with npm; on Debian: apt-get install nodejs npm), and it was not found on PATH");
    }

    private static Result run(Path directory, Duration timeout, String... command) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("node-client", ".out");
        Path stderr = Files.createTempFile("node-client", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + ":\n" + Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
