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
    /** Meta's throughput tier, per business number: a token bucket a second deep; null: no limit. */
    private final Map<String, org.pramaan.bridge.outbound.CitizenPacer> tiers = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int messagesPerSecond;
    /** Meta's per-recipient pacing, a little more lenient than the bridge's own so only a real excess is refused. */
    private volatile org.pramaan.bridge.outbound.CitizenPacer recipients;
    private final AtomicLong throttled = new AtomicLong();

    public GraphEmulator(Clock clock, Path mediaFolder, int window) {
        this(clock, mediaFolder, window, 0, 0, java.time.Duration.ZERO);
    }

    /**
     * An emulator that answers like Meta over a number's tier ({@code messagesPerSecond}, 0: no limit) with 130429,
     * and over a recipient's pacing ({@code perUserBurst} back to back, then one per {@code perUserInterval}; 0: no
     * limit) with 131056. Read receipts count towards the tier.
     */
    public GraphEmulator(Clock clock, Path mediaFolder, int window, int messagesPerSecond, int perUserBurst,
                         java.time.Duration perUserInterval) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
        this.clock = clock;
        this.window = window;
        limits(messagesPerSecond, perUserBurst, perUserInterval);
        try {
            this.mediaFolder = Files.createDirectories(mediaFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the simulator's media folder " + mediaFolder, e);
        }
    }

    /** Sets the tier and the per-recipient pacing enforced from now on (0: none), e.g. for a test. */
    public synchronized void limits(int messagesPerSecond, int perUserBurst, java.time.Duration perUserInterval) {
        this.messagesPerSecond = Math.max(0, messagesPerSecond);
        tiers.clear();
        this.recipients = perUserBurst > 0 && !perUserInterval.isNegative() && !perUserInterval.isZero()
                ? new org.pramaan.bridge.outbound.CitizenPacer(perUserBurst + 1, perUserInterval, clock) : null;
    }

    /** How many sends were refused with 130429 or 131056. */
    public long throttled() {
        return throttled.get();
    }

    /** Accepts a message, or returns the error injected for it. */
    public synchronized Object accept(JsonNode body) {
        return accept("", body);
    }

    /** Accepts a message sent from {@code phoneNumberId}, or returns the error injected for it or the limit it broke. */
    public synchronized Object accept(String phoneNumberId, JsonNode body) {
        if (!errors.isEmpty()) {
            return errors.poll();
        }
        int tier = messagesPerSecond;
        if (tier > 0 && tiers.computeIfAbsent(phoneNumberId, id -> new org.pramaan.bridge.outbound.CitizenPacer(tier,
                java.time.Duration.ofNanos(1_000_000_000L / tier), clock)).tryTake(phoneNumberId) != null) {
            throttled.incrementAndGet();
            return new InjectedError(130429, 400, "(#130429) Rate limit hit: Cloud API message throughput has been"
                    + " reached.");
        }
        org.pramaan.bridge.outbound.CitizenPacer perUser = recipients;
        String recipient = body.path("to").asString("");
        if (perUser != null && !recipient.isEmpty() && !"read".equals(body.path("status").asString(""))
                && perUser.tryTake(recipient) != null) {
            throttled.incrementAndGet();
            return new InjectedError(131056, 400, "(#131056) (Business Account, Consumer Account) pair rate limit hit:"
                    + " Too many messages sent from the sender phone number to the same recipient phone number in a"
                    + " short period of time.");
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

    /** Meta's media URLs live 5 minutes. */
    public static final java.time.Duration URL_LIFETIME = java.time.Duration.ofMinutes(5);
    private final byte[] urlKey = randomKey();
    private int expiredUrls;
    private final Map<String, Long> reportedSizes = new java.util.HashMap<>();

    /**
     * The query of a download URL for {@code id}, signed and expiring after {@link #URL_LIFETIME} as Meta's do; a URL
     * handed out while {@link #expireUrls} is in force has expired already.
     */
    public synchronized String signedUrlQuery(String id) {
        long expires = clock.instant().plus(URL_LIFETIME).getEpochSecond();
        if (expiredUrls > 0) {
            expiredUrls--;
            expires = clock.instant().minusSeconds(1).getEpochSecond();
        }
        return "expires=" + expires + "&signature=" + sign(id, expires);
    }

    /** True when the URL's signature is this emulator's for {@code id} and it has not expired. */
    public boolean urlValid(String id, long expires, String signature) {
        return signature != null && java.security.MessageDigest.isEqual(sign(id, expires).getBytes(
                java.nio.charset.StandardCharsets.US_ASCII), signature.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                && clock.instant().getEpochSecond() < expires;
    }

    /** The next {@code count} download URLs handed out are expired already (a test of the re-fetch). */
    public synchronized void expireUrls(int count) {
        expiredUrls = count;
    }

    /** The {@code file_size} the metadata claims for {@code id} from now on (a test of the byte cap). */
    public synchronized void reportSize(String id, long size) {
        reportedSizes.put(id, size);
    }

    /** The size the metadata states: the real one unless a test set another. */
    public synchronized long reportedSize(String id, long real) {
        return reportedSizes.getOrDefault(id, real);
    }

    private String sign(String id, long expires) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(urlKey, "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal((id + ":" + expires)
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
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
