package org.pramaan.bridge.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.pramaan.bridge.simulator.WebhookPayloads;
import org.pramaan.bridge.support.BridgeProcess;
import org.pramaan.bridge.support.StandInIssuer;
import org.pramaan.bridge.webhook.WebhookSignature;

/**
 * Webhook ingest on loopback against the packaged jar, driven by vegeta at a fixed offered rate: acknowledged
 * notifications per second and acknowledgement latency. Goal (issue 6): 1,000/s sustained with p99 under 250 ms.
 * <p>
 * Baseline, measured in the same run on the same server: the GET /webhook handshake, which crosses the same HTTP
 * stack, filters and dispatch but touches neither the signature nor PostgreSQL; the ratios say what storing a
 * notification durably costs. Capacity (closed loop, as fast as 32 connections go) is measured for both too.
 * <p>
 * Run: {@code ./pramaan bench ingest [rate] [seconds]}, or {@code java -cp <test classpath>
 * org.pramaan.bridge.bench.WebhookIngestBenchmark [jar] [rate] [seconds]} with vegeta on the PATH or in
 * {@code -Dbench.vegeta}. {@code -Dbench.processing=false} measures ingest with the inbox worker switched off.
 */
public final class WebhookIngestBenchmark {

    private static final String SECRET = "bench";
    private static final String NUMBER_ID = "100000000000009";
    private static final int CITIZENS = 1000;
    private static final int CAPACITY_WORKERS = 32;
    private static final Duration CAPACITY_TIME = Duration.ofSeconds(10);

    private WebhookIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/whatsapp-bridge-0.1.0-SNAPSHOT.jar");
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Duration time = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 30);
        boolean processing = Boolean.parseBoolean(System.getProperty("bench.processing", "true"));
        Path home = Files.createTempDirectory("bridge-bench");
        Vegeta vegeta = Vegeta.locate(home);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                StandInIssuer issuer = new StandInIssuer()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres&password=postgres";
            Map<String, String> env = new HashMap<>(Map.of("DATABASE_URL", url, "WHATSAPP_APP_SECRET", SECRET,
                    "WHATSAPP_VERIFY_TOKEN", "v", "WHATSAPP_PHONE_NUMBER_ID", NUMBER_ID, "BRIDGE_TOKEN", "t",
                    "PRAMAAN_HOME", home.toString(), "ISSUER_BASE_URL", issuer.baseUrl(),
                    "BRIDGE_SIMULATOR_ENABLED", "true", "WHATSAPP_GRAPH_BASE_URL", ""));
            if (!processing) {
                env.put("BRIDGE_INBOX_ENABLED", "false");
            }
            try (BridgeProcess bridge = new BridgeProcess(jar, env, home.resolve("bridge.log"))) {
                bridge.start();
                Requests requests = new Requests(bridge.port);
                Duration warmTime = Duration.ofSeconds(10);
                int measured = (int) (rate * time.toSeconds());
                int capacity = 4000 * (int) CAPACITY_TIME.toSeconds();
                Path warm = vegeta.targets("warm", requests.notifications("warm", rate / 2 * 10));
                Path handshake = vegeta.targets("handshake", List.of(requests.handshake()));
                Path webhook = vegeta.targets("webhook", requests.notifications("bench", measured));
                Path flood = vegeta.targets("flood", requests.notifications("flood", capacity));

                System.out.printf("webhook ingest, bridge inbox processing %s, offered %d/s for %d s%n",
                        processing ? "on" : "off", rate, time.toSeconds());
                print("warm-up (webhook)", vegeta.attack("warm", warm, rate / 2, warmTime, 256));
                print("warm-up (handshake)", vegeta.attack("warm-handshake", handshake, rate / 2, warmTime, 256));
                // Each measurement starts from a quiet bridge: the previous phase's backlog is worked off first.
                settle(url, processing);
                Vegeta.Report base = vegeta.attack("handshake", handshake, rate, time, 256);
                print("baseline (GET handshake)", base);
                settle(url, processing);
                Vegeta.Report ingest = vegeta.attack("webhook", webhook, rate, time, 256);
                print("webhook POST", ingest);
                long backlog = processing ? pending(url) : 0;
                settle(url, processing);
                Vegeta.Report baseCapacity = vegeta.attack("handshake-capacity", handshake, 0, CAPACITY_TIME,
                        CAPACITY_WORKERS);
                print("capacity: GET handshake", baseCapacity);
                Vegeta.Report ingestCapacity = vegeta.attack("webhook-capacity", flood, 0, CAPACITY_TIME,
                        CAPACITY_WORKERS);
                print("capacity: webhook POST", ingestCapacity);

                System.out.printf("ratios to the baseline: p50 %.2fx, p99 %.2fx, capacity %.0f%%%n",
                        ingest.p50() / base.p50(), ingest.p99() / base.p99(),
                        100 * ingestCapacity.throughputPerSecond() / baseCapacity.throughputPerSecond());
                boolean met = ingest.success() == 1.0 && ingest.acknowledgedPerSecond() >= 0.99 * rate
                        && ingest.p99() < 250;
                System.out.printf("goal (%d/s acknowledged, p99 < 250 ms): %s%n", rate, met ? "met" : "NOT met");
                if (processing) {
                    drain(url, backlog);
                }
            }
        }
    }

    /** Signed notifications, each with its own message id, spread over a thousand citizens. */
    private record Requests(int port) {

        List<Vegeta.Target> notifications(String prefix, int count) {
            WebhookSignature signature = new WebhookSignature(SECRET);
            Instant now = Instant.now();
            return IntStream.range(0, count).mapToObj(n -> {
                String phone = String.valueOf(919_700_000_000L + n % CITIZENS);
                byte[] body = WebhookPayloads.envelope(NUMBER_ID, phone, "Load",
                        WebhookPayloads.text(phone, "wamid." + prefix + "." + n, now, "hi"))
                        .getBytes(StandardCharsets.UTF_8);
                return new Vegeta.Target("POST", base() + "/webhook", Map.of("Content-Type", "application/json",
                        "X-Hub-Signature-256", signature.sign(body)), body);
            }).toList();
        }

        Vegeta.Target handshake() {
            return new Vegeta.Target("GET", base() + "/webhook?hub.mode=subscribe&hub.verify_token=v&hub.challenge=1",
                    Map.of(), null);
        }

        private String base() {
            return "http://127.0.0.1:" + port;
        }
    }

    /** How fast the inbox worker works off the backlog the measured load left (bounded: at most five minutes). */
    private static void drain(String url, long backlogAfterLoad) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            long start = System.nanoTime();
            long first = pending(c);
            long left = first;
            while (left > 0 && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(500));
                left = pending(c);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("processing: %d unprocessed right after the measured load, %d after the capacity runs, "
                    + "%d left %.1f s later: %.0f messages/s%n", backlogAfterLoad, first, left, seconds,
                    (first - left) / seconds);
        }
    }

    /** Waits (at most two minutes) until the inbox worker has processed everything stored so far. */
    private static void settle(String url, boolean processing) throws SQLException {
        if (!processing) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (pending(url) > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
    }

    private static long pending(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url)) {
            return pending(c);
        }
    }

    private static long pending(Connection c) throws SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM bridge.inbox WHERE processed_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void print(String phase, Vegeta.Report r) {
        System.out.printf("%-26s requests %6d  offered %7.1f/s  acknowledged %7.1f/s  success %6.2f%%  p50 %7.2f ms"
                        + "  p90 %7.2f ms  p99 %7.2f ms  max %7.2f ms  %s%s%n", phase, r.requests(),
                r.offeredPerSecond(), r.acknowledgedPerSecond(), 100 * r.success(), r.p50(), r.p90(), r.p99(),
                r.max(), r.statusCodes(), r.errors().isEmpty() ? "" : " errors " + r.errors());
    }
}
