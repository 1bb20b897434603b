package org.pramaan.network.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.network.ledger.Genesis;

class OperationsServerTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthzSaysWhatItIsAndMetricsCountBlocks() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new PeerMetrics(registry).committed(Genesis.block("certificates", Clock.systemUTC().instant()));
        Map<String, String> checks = new HashMap<>();
        checks.put("ledger", null);
        try (OperationsServer server = OperationsServer.start(new InetSocketAddress("127.0.0.1", 0), registry,
                () -> checks, Clock.systemUTC())) {
            HttpResponse<String> health = get(server, "/healthz");
            HttpResponse<String> metrics = get(server, "/metrics");
            checks.put("ledger", "PostgreSQL unreachable");
            HttpResponse<String> unhealthy = get(server, "/healthz");

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"OK\"")
                    .contains("development peer: no consensus, no separate organisations");
            assertThat(metrics.body()).contains("devpeer_blocks_total 1.0");
            assertThat(unhealthy.statusCode()).isEqualTo(503);
            assertThat(unhealthy.body()).contains("PostgreSQL unreachable");
        }
    }

    private HttpResponse<String> get(OperationsServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
