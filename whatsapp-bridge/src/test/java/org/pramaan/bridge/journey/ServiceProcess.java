package org.pramaan.bridge.journey;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One Pramaan service as its own JVM, started from its packaged jar with {@code java -jar}, its output in a log file
 * under target/ so a failure can show what the service said.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final Path log;
    private final int port;
    private Process process;
    private Thread reaper;

    ServiceProcess(String name, Path jar, Path log, int port) {
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("The " + name + " jar is missing: " + jar.toAbsolutePath().normalize()
                    + ". Package it first (`cd /work/main && mvn -B verify` packages every service before the"
                    + " bridge's integration tests, or `mvn -B -pl " + name + " -am package -DskipTests`).");
        }
        this.name = name;
        this.jar = jar;
        this.log = log;
        this.port = port;
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where the service's output goes. */
    Path log() {
        return log;
    }

    /** The service's JVM (started with {@code java -jar} directly, so no shell in between). */
    long pid() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        return process.pid();
    }

    /** Starts the jar with exactly the given environment on top of this JVM's (PATH, HOME, locale). */
    void start(Map<String, String> environment) {
        try {
            Files.createDirectories(log.getParent());
            if (process == null) {
                Files.deleteIfExists(log); // a restart after a kill appends to the same log
            }
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    // Small heaps and a single JIT tier: three services share a 2-core machine with the test.
                    "-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
                    "-jar", jar.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
            // If this JVM is stopped (Ctrl-C, a failsafe timeout), the service must not outlive it.
            Process started = process;
            reaper = new Thread(started::destroyForcibly, name + "-reaper");
            Runtime.getRuntime().addShutdownHook(reaper);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " from " + jar, e);
        }
    }

    /** Waits until /actuator/health/readiness answers 200; fails early if the process dies. */
    void awaitReady(Duration deadline) {
        URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
        try {
            await("readiness of " + name).atMost(deadline).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError(name + " exited with " + process.exitValue() + " while starting\n"
                            + tail(60));
                }
                try {
                    return HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).GET().build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + " was not ready within " + deadline.toSeconds() + "s\n" + tail(60), e);
        }
    }

    /** The last lines the service wrote, for failure messages. */
    String tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "---- " + name + ": no log at " + log + " ----";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> last = all.subList(Math.max(0, all.size() - lines), all.size());
            return "---- last " + last.size() + " lines of " + name + " (" + log + ") ----\n"
                    + String.join("\n", last);
        } catch (IOException | UncheckedIOException e) {
            return "---- " + name + ": cannot read " + log + ": " + e.getMessage() + " ----";
        }
    }

    /** kill -9: the process gets no chance to finish anything. */
    void kill() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the service: SIGTERM, then SIGKILL if it has not stopped after a grace period. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook does the job
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
