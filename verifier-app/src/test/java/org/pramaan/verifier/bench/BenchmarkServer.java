package org.pramaan.verifier.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.pramaan.credential.SignedCredential;
import org.pramaan.verifier.VerifierApplication;
import org.pramaan.verifier.apikey.ApiKeyRole;
import org.pramaan.verifier.apikey.ApiKeys;
import org.pramaan.verifier.support.DepartmentIssuer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the verifier on loopback with a fresh embedded database, anchors one certificate, and
 * writes a request body and an API key for a load generator (see bench/run.sh). Runs until killed.
 *
 * <p>Usage: {@code BenchmarkServer <port> <output folder>}
 */
public final class BenchmarkServer {

    private BenchmarkServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path out = Files.createDirectories(Path.of(args[1]));
        // System properties outrank application.properties (default properties would not).
        Map.of("server.address", "127.0.0.1", "server.port", Integer.toString(port),
                "verifier.home", out.resolve("home").toString(), "pramaan.database.url", "",
                "pramaan.database.embedded-folder", "temporary", "logging.level.root", "WARN").forEach(System::setProperty);
        ConfigurableApplicationContext context = SpringApplication.run(VerifierApplication.class);
        try (DepartmentIssuer revenue = DepartmentIssuer.open(context.getBean(DataSource.class), out.resolve("home"),
                "REV", "Revenue Department")) {
            SignedCredential credential = revenue.issue("Benchmark Holder");
            Files.writeString(out.resolve("verify.json"), "{\"qr\":\"" + revenue.url(credential) + "\"}", StandardCharsets.UTF_8);
        }
        String key = context.getBean(ApiKeys.class).issue("benchmark", ApiKeyRole.CLIENT, 1_000_000).secret();
        Files.writeString(out.resolve("api-key"), key, StandardCharsets.UTF_8);
        System.out.println("verifier ready on 127.0.0.1:" + port + "; request body and key in " + out.toAbsolutePath());
    }
}
