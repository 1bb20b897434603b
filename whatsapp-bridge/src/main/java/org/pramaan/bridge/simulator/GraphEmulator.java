package org.pramaan.bridge.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * An in-memory stand-in for Meta's Graph API with the documented shapes: it accepts messages (validating the
 * limits a real number would enforce), stores uploaded media and serves media for download. The simulator page
 * reads the messages it accepted; tests inject error codes to exercise retries and the template path.
 *
 * <p>Bounded, because it runs for days under {@code ./pramaan up}: it keeps the last {@code window}
 * messages and read receipts in memory, and media as files in a folder, the oldest removed beyond
 * {@code window} files (before, every message and PDF stayed in memory for the life of the process).
 */
public final class GraphEmulator {

    public record Sent(long seq, String wamid, String to, JsonNode body) {
    }

    public record Media(String id, byte[] bytes, String mimeType, String filename) {
    }

    /** An error answer the next send will get, as Meta would send it. */
    public record InjectedError(int code, int httpStatus, String message) {
    }

    /** Where a stored medium's bytes are, and what they are. */
    private record StoredMedia(Path file, String mimeType, String filename) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Deque<Sent> sent = new ArrayDeque<>();
    private final Deque<String> readReceipts = new ArrayDeque<>();
    private final Map<String, StoredMedia> media = new LinkedHashMap<>();
    private final Deque<InjectedError> errors = new ArrayDeque<>();
    private final Clock clock;
    private final Path mediaFolder;
    private final int window;

    public GraphEmulator(Clock clock, Path mediaFolder, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.clock = clock;
        this.window = window;
        try {
            this.mediaFolder = Files.createDirectories(mediaFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator's media folder " + mediaFolder, e);
        }
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
            trim(readReceipts);
            return "";
        }
        String to = body.path("to").asString("");
        if (to.isEmpty()) {
            return new InjectedError(100, 400, "(#100) The parameter to is required.");
        }
        String wamid = "wamid.SIM" + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        sent.add(new Sent(sequence.incrementAndGet(), wamid, to, body));
        trim(sent);
        notifyAll();
        return wamid;
    }

    public synchronized void injectErrors(InjectedError error, int times) {
        for (int i = 0; i < times; i++) {
            errors.add(error);
        }
    }

    public synchronized String store(byte[] bytes, String mimeType, String filename) {
        String id = String.valueOf(1_000_000_000_000L + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L));
        Path file = mediaFolder.resolve(id + ".bin");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store a simulated upload in " + mediaFolder, e);
        }
        media.put(id, new StoredMedia(file, mimeType, filename));
        Iterator<StoredMedia> oldest = media.values().iterator();
        while (media.size() > window) {
            deleteQuietly(oldest.next().file());
            oldest.remove();
        }
        return id;
    }

    public Optional<Media> media(String id) {
        StoredMedia stored;
        synchronized (this) {
            stored = media.get(id);
        }
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Media(id, Files.readAllBytes(stored.file()), stored.mimeType(), stored.filename()));
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read simulated media " + id, e);
        }
    }

    /** How many messages and media the simulator keeps. */
    public int window() {
        return window;
    }

    private void trim(Deque<?> kept) {
        while (kept.size() > window) {
            kept.removeFirst();
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A leftover file in a development folder is harmless; the map no longer points at it.
        }
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
