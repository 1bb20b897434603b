package org.pramaan.verifier.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.pramaan.credential.CryptoProvider;
import org.pramaan.credential.SignedCredential;
import org.pramaan.network.DevNetwork;
import org.pramaan.verifier.VerifierApplication;
import org.pramaan.verifier.apikey.ApiKeyRole;
import org.pramaan.verifier.apikey.ApiKeys;
import org.pramaan.verifier.ledger.ProjectionCurrency;
import org.pramaan.verifier.support.DepartmentIssuer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Starts the verifier on loopback with a fresh embedded database, anchors one certificate (the
 * cached path) and, when asked, {@code cold} more distinct ones (the cold path: each is verified
 * once), and writes request bodies, vegeta targets and an API key for the load generators (see
 * bench/run.sh). Runs until killed.
 *
 * <p>Usage: {@code BenchmarkServer <port> <output folder> [cold credentials, 0] [cold pools, 1]}: the
 * cold credentials are split into that many target files, {@code cold-1.json}..., one per attack, so
 * no credential is verified twice in the run.
 */
public final class BenchmarkServer {

    /** The contract's default batch limit: one transaction anchors this many. */
    private static final int BATCH = 1000;
    private static final int MAX_COLD = 500_000;

    private BenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        int cold = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        int pools = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (cold < 0 || cold > MAX_COLD || pools < 1 || pools > 10) {
            throw new IllegalArgumentException("cold credentials 0 to " + MAX_COLD + " and 1 to 10 pools, got " + cold + " and " + pools);
        }
        // System properties outrank application.properties (default properties would not). The ledger is
        // the development network's, which this JVM starts (peer and chaincode as processes).
        Map.of("verifier.ledger", DevNetwork.shared().connectionFile().toString(),
                "server.address", "127.0.0.1", "server.port", Integer.toString(port),
                "verifier.home", out.resolve("home").toString(), "pramaan.database.url", "",
                "pramaan.database.embedded-folder", "temporary", "logging.level.root", "WARN").forEach(System::setProperty);
        ConfigurableApplicationContext context = SpringApplication.run(VerifierApplication.class);
        String key = context.getBean(ApiKeys.class).issue("benchmark", ApiKeyRole.CLIENT, 1_000_000).secret();
        String verifyUrl = "http://127.0.0.1:" + port + "/api/v1/verify";
        try (DepartmentIssuer revenue = DepartmentIssuer.open(context.getBean(DataSource.class), out.resolve("home"),
                "REV", "Revenue Department")) {
            SignedCredential credential = revenue.issue("Benchmark Holder");
            Files.writeString(out.resolve("verify.json"), body(revenue.url(credential)), StandardCharsets.UTF_8);
            long started = System.nanoTime();
            for (int pool = 1; pool <= pools; pool++) {
                int size = cold / pools + (pool <= cold % pools ? 1 : 0);
                writePool(revenue, out.resolve("cold-" + pool + ".json"), size, pool, verifyUrl, key);
            }
            if (cold > 0) {
                System.out.printf("signed and anchored %,d distinct credentials in %d s (%s)%n", cold,
                        (System.nanoTime() - started) / 1_000_000_000L, CryptoProvider.active());
            }
            // The cold path as a bank meets it: the verifier has followed the ledger's events up to now, so every
            // credential is in its copy of the ledger (none answered from a cache: each is verified once).
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            ProjectionCurrency currency = context.getBean(ProjectionCurrency.class);
            Awaitility.await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(500)).until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM verifier.anchor WHERE claims_hash IS NOT NULL", Long.class)
                            >= cold + 1L && currency.current());
            System.out.println("the verifier's copy of the ledger holds all " + (cold + 1) + " certificates and is current");
        }
        // An administrator's key, for run.sh to read the metrics (how many first checks the copy answered).
        Files.writeString(out.resolve("admin-key"),
                context.getBean(ApiKeys.class).issue("benchmark-admin", ApiKeyRole.ADMIN, 1_000).secret(),
                StandardCharsets.UTF_8);
        // The key last: run.sh starts measuring when it appears, so everything above is ready by then.
        Files.writeString(out.resolve("api-key"), key, StandardCharsets.UTF_8);
        System.out.println("verifier ready on 127.0.0.1:" + port + "; request bodies, targets and key in " + out.toAbsolutePath());
    }

    /** {@code size} fresh credentials, anchored a batch at a time, as vegeta JSON targets, one a line. */
    private static void writePool(DepartmentIssuer revenue, Path file, int size, int pool, String url, String key)
            throws IOException {
        String header = "{\"Content-Type\":[\"application/json\"],\"X-Api-Key\":[\"" + key + "\"]}";
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int done = 0; done < size; done += BATCH) {
                List<SignedCredential> batch = new ArrayList<>();
                for (int i = done; i < Math.min(size, done + BATCH); i++) {
                    batch.add(revenue.sign(revenue.claims("Holder " + pool + "-" + i)));
                }
                revenue.anchorAll(batch);
                for (SignedCredential credential : batch) {
                    String body = Base64.getEncoder().encodeToString(body(revenue.url(credential)).getBytes(StandardCharsets.UTF_8));
                    writer.write("{\"method\":\"POST\",\"url\":\"" + url + "\",\"header\":" + header + ",\"body\":\"" + body + "\"}\n");
                }
            }
        }
    }

    private static String body(String qr) {
        return "{\"qr\":\"" + qr + "\"}";
    }
}
