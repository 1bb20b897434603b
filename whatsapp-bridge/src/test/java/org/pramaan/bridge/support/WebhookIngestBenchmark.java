package org.pramaan.bridge.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Webhook ingest on loopback against the packaged jar: acknowledged notifications per second and acknowledgement
 * latency at a fixed offered rate. Goal (issue 6): 1,000/s sustained with p99 under 250 ms.
 * Run: {@code java -cp <test classpath> org.pramaan.bridge.support.WebhookIngestBenchmark [jar] [rate] [count]}.
 */
public final class WebhookIngestBenchmark {

    private WebhookIngestBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "target/whatsapp-bridge-0.1.0-SNAPSHOT.jar");
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int count = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        Path home = Files.createTempDirectory("bridge-bench");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                StandInIssuer issuer = new StandInIssuer()) {
            String url = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres?user=postgres&password=postgres";
            Map<String, String> env = new java.util.HashMap<>(Map.of("DATABASE_URL", url, "WHATSAPP_APP_SECRET", "bench",
                    "WHATSAPP_VERIFY_TOKEN", "v", "WHATSAPP_PHONE_NUMBER_ID", "100000000000009", "BRIDGE_TOKEN", "t",
                    "PRAMAAN_HOME", home.toString(), "ISSUER_BASE_URL", issuer.baseUrl(),
                    "BRIDGE_SIMULATOR_ENABLED", "true", "WHATSAPP_GRAPH_BASE_URL", ""));
            // -Dbench.processing=false measures ingest alone, with the inbox worker switched off
            env.put("PRAMAAN_BRIDGE_PROCESSINBOX", System.getProperty("bench.processing", "true"));
            try (BridgeProcess bridge = new BridgeProcess(jar, env, home.resolve("bridge.log"))) {
                bridge.start();
                WebhookLoad.Result warmup = WebhookLoad.run(bridge.port, "bench", "100000000000009", rate / 2,
                        Math.min(5000, count / 4), 1000, "warm");
                print("warm-up", rate / 2, warmup);
                WebhookLoad.Result result = WebhookLoad.run(bridge.port, "bench", "100000000000009", rate, count, 1000,
                        "bench");
                print("measured", rate, result);
                drain(url);
            }
        }
    }

    /** How fast the inbox worker works off the backlog the burst left (bounded: at most five minutes). */
    private static void drain(String url) throws Exception {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(url)) {
            long start = System.nanoTime();
            long first = pending(c);
            long left = first;
            while (left > 0 && System.nanoTime() - start < java.util.concurrent.TimeUnit.MINUTES.toNanos(5)) {
                java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(500));
                left = pending(c);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("processing: %d pending after the burst, %d left after %.1f s: %.1f messages/s%n",
                    first, left, seconds, (first - left) / seconds);
        }
    }

    private static long pending(java.sql.Connection c) throws java.sql.SQLException {
        try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM bridge.inbox WHERE processed_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void print(String phase, int offered, WebhookLoad.Result r) {
        System.out.printf("%-9s offered %5d/s  sent %6d  acknowledged %6d  ack rate %7.1f/s  p50 %6.1f ms  p99 %6.1f ms"
                + "  max %7.1f ms%n", phase, offered, r.sent(), r.acknowledged().size(), r.acknowledgedPerSecond(),
                r.p50Millis(), r.p99Millis(), r.maxMillis());
    }
}
