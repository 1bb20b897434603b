package org.pramaan.verifier.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * issuer-service's public catalog endpoint as the verifier meets it, on a loopback port: the JSON
 * body, a strong ETag over it, 304 for a matching {@code If-None-Match}, and an outage on demand.
 */
public final class CatalogStub implements AutoCloseable {

    public static final String CATALOG_PATH = "/api/v1/catalog";

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    private volatile byte[] body;
    private volatile String etag;
    private volatile int failWith;
    private volatile String lastIfNoneMatch;

    private CatalogStub(HttpServer server) {
        this.server = server;
    }

    /** Serves the catalog in test resource {@code catalog/stub-catalog.json}. */
    public static CatalogStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CatalogStub stub = new CatalogStub(server);
            stub.publish(resource("catalog/stub-catalog.json"));
            server.createContext(CATALOG_PATH, stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
        try (InputStream in = CatalogStub.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the issuer serves from now on, with a new ETag. */
    public void publish(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        body = bytes;
        etag = "\"" + sha256(bytes) + "\"";
    }

    /** Answers every request with this status (no body) until {@code failWith(0)}. */
    public void failWith(int status) {
        failWith = status;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String etag() {
        return etag;
    }

    public int requests() {
        return requests.get();
    }

    public int notModified() {
        return notModified.get();
    }

    public String lastIfNoneMatch() {
        return lastIfNoneMatch;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            lastIfNoneMatch = ifNoneMatch;
            if (failWith != 0) {
                exchange.sendResponseHeaders(failWith, -1);
                return;
            }
            byte[] current = body;
            String tag = etag;
            exchange.getResponseHeaders().add("ETag", tag);
            exchange.getResponseHeaders().add("Cache-Control", "max-age=60, public");
            if (tag.equals(ifNoneMatch)) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, current.length);
            exchange.getResponseBody().write(current);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
