package org.pramaan.bridge.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * verifier-app's verification API on 127.0.0.1: a file whose bytes contain "TAMPERED" is tampered, anything else
 * is a valid income certificate. Records the Accept-Language and API key of each call.
 */
public final class StandInVerifier implements AutoCloseable {

    public static final String API_KEY = "stand-in-verifier-key";
    private final HttpServer server;
    public final List<String> calls = new CopyOnWriteArrayList<>();

    public StandInVerifier() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/verify", this::verify);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void verify(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        calls.add(ex.getRequestURI().getPath() + " lang=" + ex.getRequestHeaders().getFirst("Accept-Language")
                + " key=" + ex.getRequestHeaders().getFirst("X-Api-Key"));
        boolean tampered = new String(body, StandardCharsets.ISO_8859_1).contains("TAMPERED");
        String answer = tampered
                ? "{\"status\":\"TAMPERED\",\"message\":\"The signature does not match.\",\"certificate\":null,"
                        + "\"department\":null,\"ledger\":null}"
                : "{\"status\":\"VALID\",\"message\":\"Genuine and unchanged.\",\"certificate\":{\"id\":\"REV-INC-2026-0000042\","
                        + "\"type\":\"INC\",\"holderName\":\"Kondapalli Ramesh\",\"department\":\"REV\","
                        + "\"issuedAt\":\"2026-11-01T10:00:00Z\",\"expiresAt\":\"2027-11-01T10:00:00Z\",\"language\":\"te\","
                        + "\"fields\":{}},\"department\":{\"code\":\"REV\",\"names\":{\"en\":\"Revenue\",\"te\":\"రెవెన్యూ\","
                        + "\"hi\":\"राजस्व\"}},\"ledger\":{\"transactionId\":\"tx1\",\"blockNumber\":7,\"fresh\":true}}";
        StandInIssuer.send(ex, 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
