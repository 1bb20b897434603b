package org.pramaan.bridge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Vegeta, an open-loop HTTP load generator: it sends at the offered rate whatever the answers do, so a stalled server
 * shows as latency instead of hiding behind fewer requests (no coordinated omission), and it costs far less CPU than
 * a Java client, which matters when generator, bridge and PostgreSQL share two cores. Loopback targets only.
 */
final class Vegeta {

    /** One HTTP request vegeta will send, in its JSON target format. */
    record Target(String method, String url, Map<String, String> headers, byte[] body) {
        Target {
            if (!url.startsWith("http://127.0.0.1:")) {
                throw new IllegalArgumentException("loopback targets only: " + url);
            }
        }
    }

    /** What an attack measured (vegeta's JSON report), latencies in milliseconds. */
    record Report(long requests, double offeredPerSecond, double throughputPerSecond, double success, double p50,
            double p90, double p99, double max, Map<String, Long> statusCodes, List<String> errors) {

        /** Requests answered 200, per second over the attack. */
        double acknowledgedPerSecond() {
            return throughputPerSecond;
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_RATE = 20_000;
    private static final Duration MAX_DURATION = Duration.ofMinutes(10);

    private final Path binary;
    private final Path workDir;

    private Vegeta(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /**
     * The binary from {@code -Dbench.vegeta}, else {@code vegeta} on the PATH; fails saying how to get one
     * ({@code ./pramaan bench ingest} installs it with {@code go install}).
     */
    static Vegeta locate(Path workDir) {
        String configured = System.getProperty("bench.vegeta", "");
        List<Path> candidates = new ArrayList<>();
        if (!configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "vegeta"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .map(p -> new Vegeta(p, workDir))
                .orElseThrow(() -> new IllegalStateException("vegeta is not installed: run `./pramaan bench ingest`, "
                        + "which installs it with `go install github.com/tsenart/vegeta/v12@v12.13.0`, or pass "
                        + "-Dbench.vegeta=/path/to/vegeta"));
    }

    /** Writes targets in vegeta's JSON lines format; vegeta sends them in order, one per request. */
    Path targets(String name, List<Target> targets) {
        Path file = workDir.resolve(name + ".targets.json");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Target t : targets) {
                ObjectNode line = JSON.createObjectNode().put("method", t.method()).put("url", t.url());
                ObjectNode headers = line.putObject("header");
                t.headers().forEach((k, v) -> headers.putArray(k).add(v));
                if (t.body() != null) {
                    line.put("body", Base64.getEncoder().encodeToString(t.body()));
                }
                out.write(JSON.writeValueAsString(line));
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * Sends {@code targets} at {@code perSecond} for {@code duration} (rate 0: as fast as {@code maxWorkers}
     * connections allow, a closed loop for measuring capacity).
     */
    Report attack(String name, Path targets, int perSecond, Duration duration, int maxWorkers) {
        if (perSecond < 0 || perSecond > MAX_RATE || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("bounded load only: at most " + MAX_RATE + "/s for " + MAX_DURATION);
        }
        Path results = workDir.resolve(name + ".results.bin");
        List<String> command = new ArrayList<>(List.of(binary.toString(), "attack", "-format=json",
                "-targets=" + targets, "-rate=" + perSecond + "/s", "-duration=" + duration.toMillis() + "ms",
                "-timeout=10s", "-max-workers=" + maxWorkers, "-keepalive=true", "-output=" + results));
        if (perSecond == 0) {
            command.add("-workers=" + maxWorkers);
        }
        run(command, duration.plusSeconds(30));
        Path report = workDir.resolve(name + ".report.json");
        run(List.of(binary.toString(), "report", "-type=json", "-output=" + report, results.toString()),
                Duration.ofSeconds(60));
        try {
            return parse(JSON.readTree(Files.readString(report)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Report parse(JsonNode r) {
        JsonNode latencies = r.path("latencies");
        Map<String, Long> codes = new java.util.TreeMap<>();
        r.path("status_codes").properties().forEach(e -> codes.put(e.getKey(), e.getValue().asLong()));
        List<String> errors = new ArrayList<>();
        r.path("errors").forEach(e -> errors.add(e.asString()));
        return new Report(r.path("requests").asLong(), r.path("rate").asDouble(), r.path("throughput").asDouble(),
                r.path("success").asDouble(), millis(latencies, "50th"), millis(latencies, "90th"),
                millis(latencies, "99th"), millis(latencies, "max"), codes, errors);
    }

    private static double millis(JsonNode latencies, String field) {
        return latencies.path(field).asLong() / 1e6;
    }

    private void run(List<String> command, Duration limit) {
        Path log = workDir.resolve("vegeta.log");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("vegeta did not finish within " + limit + "; see " + log);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("vegeta exited with " + p.exitValue() + ": " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
