package org.pramaan.network.operations;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operations endpoint, like a Fabric peer's (core/operations/system.go) but on the JDK's
 * HttpServer: {@code /healthz} (JSON; 200 when healthy, 503 otherwise) and {@code /metrics}
 * (Prometheus text). Meant for a loopback address.
 */
public final class OperationsServer implements AutoCloseable {

    public static final String DISCLAIMER = "development peer: no consensus, no separate organisations";
    private static final Logger LOG = LoggerFactory.getLogger(OperationsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What /healthz reports beyond the status: each check's name and finding; a null finding is healthy. */
    public interface Health extends Supplier<Map<String, String>> {
    }

    private final HttpServer server;

    private OperationsServer(HttpServer server) {
        this.server = server;
    }

    public static OperationsServer start(InetSocketAddress address, PrometheusMeterRegistry registry, Health health,
                                         Clock clock) {
        try {
            HttpServer server = HttpServer.create(address, 16);
            server.setExecutor(Executors.newFixedThreadPool(2, r -> {
                Thread thread = new Thread(r, "operations-http");
                thread.setDaemon(true);
                return thread;
            }));
            server.createContext("/healthz", exchange -> healthz(exchange, health, clock));
            server.createContext("/metrics", exchange -> send(exchange, 200, "text/plain; version=0.0.4; charset=utf-8",
                    registry.scrape()));
            server.start();
            LOG.info("Operations endpoint (/healthz, /metrics) on http://{}:{}", address.getHostString(),
                    server.getAddress().getPort());
            return new OperationsServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve operations on " + address + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void healthz(HttpExchange exchange, Health health, Clock clock) throws IOException {
        Map<String, String> failures = new LinkedHashMap<>();
        health.get().forEach((check, finding) -> {
            if (finding != null) {
                failures.put(check, finding);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", failures.isEmpty() ? "OK" : "Service Unavailable");
        body.put("time", clock.instant().toString());
        body.put("peer", DISCLAIMER);
        if (!failures.isEmpty()) {
            body.put("failed_checks", failures);
        }
        send(exchange, failures.isEmpty() ? 200 : 503, "application/json", JSON.writeValueAsString(body));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
