package org.pramaan.issuer.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for the WhatsApp bridge's internal endpoint on loopback: records every request and can
 * be told to fail the next N of them (503), as a bridge that is restarting would, or to hang for a
 * while before answering, as an overloaded one would.
 */
public final class BridgeStub implements AutoCloseable {

    /** One request as the bridge received it. */
    public record Received(String path, String authorization, String body, int answeredWith, String correlationId) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile boolean down;
    private volatile long hangUntilNanos = System.nanoTime();
    private final List<String> hanging = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    public BridgeStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long hang = hangUntilNanos - System.nanoTime();
            if (hang > 0) {
                hanging.add(body);
                try {
                    // Held until the hang is over, or at once when the stub closes.
                    closing.await(hang, java.util.concurrent.TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    hanging.remove(body);
                }
            }
            int status = down || failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 202;
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), body, status,
                    exchange.getRequestHeaders().getFirst("X-Correlation-Id")));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests the bridge accepted whose body mentions {@code text}. */
    public List<Received> accepted(String text) {
        return received.stream().filter(r -> r.answeredWith() == 202 && r.body().contains(text)).toList();
    }

    public void failNext(int count) {
        failNext.set(count);
    }

    /** Requests arriving in the next {@code duration} are answered only when it has passed. */
    public void hangFor(java.time.Duration duration) {
        hangUntilNanos = System.nanoTime() + duration.toNanos();
    }

    /** The bodies of the requests being held by {@link #hangFor} right now. */
    public List<String> hanging() {
        return List.copyOf(hanging);
    }

    /** While down, every request is answered 503. */
    public void down(boolean value) {
        down = value;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
