package org.pramaan.bridge.simulator;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * An in-memory stand-in for Meta's Graph API with the documented shapes: it accepts messages (validating the
 * limits a real number would enforce), stores uploaded media and serves media for download. The simulator page
 * reads the messages it accepted; tests inject error codes to exercise retries and the template path.
 */
public final class GraphEmulator {

    public record Sent(long seq, String wamid, String to, JsonNode body) {
    }

    public record Media(String id, byte[] bytes, String mimeType, String filename) {
    }

    /** An error answer the next send will get, as Meta would send it. */
    public record InjectedError(int code, int httpStatus, String message) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final List<Sent> sent = new ArrayList<>();
    private final List<String> readReceipts = new ArrayList<>();
    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private final Deque<InjectedError> errors = new ArrayDeque<>();
    private final Clock clock;

    public GraphEmulator(Clock clock) {
        this.clock = clock;
    }

    /** Accepts a message, or returns the error injected for it. */
    public synchronized Object accept(JsonNode body) {
        if (!errors.isEmpty()) {
            return errors.poll();
        }
        if (!"whatsapp".equals(body.path("messaging_product").asString(""))) {
            return new InjectedError(100, 400, "(#100) The parameter messaging_product is required.");
        }
        if ("read".equals(body.path("status").asString(""))) {
            readReceipts.add(body.path("message_id").asString(""));
            return "";
        }
        String to = body.path("to").asString("");
        if (to.isEmpty()) {
            return new InjectedError(100, 400, "(#100) The parameter to is required.");
        }
        String wamid = "wamid.SIM" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        sent.add(new Sent(sequence.incrementAndGet(), wamid, to, body));
        notifyAll();
        return wamid;
    }

    public synchronized void injectErrors(InjectedError error, int times) {
        for (int i = 0; i < times; i++) {
            errors.add(error);
        }
    }

    public String store(byte[] bytes, String mimeType, String filename) {
        String id = String.valueOf(1_000_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
        media.put(id, new Media(id, bytes, mimeType, filename));
        return id;
    }

    public Optional<Media> media(String id) {
        return Optional.ofNullable(media.get(id));
    }

    public synchronized List<Sent> sentTo(String to, long afterSeq) {
        return sent.stream().filter(s -> s.to().equals(to) && s.seq() > afterSeq).toList();
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<String> readReceipts() {
        return List.copyOf(readReceipts);
    }

    public synchronized void clear() {
        sent.clear();
        readReceipts.clear();
        errors.clear();
    }

    Clock clock() {
        return clock;
    }
}
