package org.pramaan.service.correlation;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id that follows one application across the services: from the citizen's chat in
 * whatsapp-bridge, through issuer-service's ledger anchoring, back to the messages that deliver the
 * certificate, and into verifier-app's checks. It travels as {@value #HEADER} between them, is
 * stored with the rows that carry the work on, and sits in the logging MDC under {@value #MDC_KEY}
 * while any of that is handled (structured logs include the MDC; the plain-text pattern shows it
 * in brackets). Usage:
 * <pre>{@code try (Correlation.Scope scope = Correlation.open(row.correlationId())) { ... } }</pre>
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** The WhatsApp message id of the inbound message being processed (whatsapp-bridge). */
    public static final String WAMID_KEY = "wamid";
    /** Short and plain: it lands in log lines and headers, so nothing that could forge either. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Correlation() {
    }

    /** Whether {@code candidate} may be used as given (1..64 of letters, digits and {@code . _ : -}). */
    public static boolean valid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    /**
     * A random id in the shape of a version 4 UUID. Not from {@link UUID#randomUUID()}: that draws on one shared
     * {@code SecureRandom} whose lock every request thread queued on under load (the verifier's flight recording
     * showed hundreds of waits over 10 ms in a ten-second attack). A correlation id only has to be unlikely to
     * repeat; it is no secret and grants nothing, so a thread's own generator is enough.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** {@code candidate} when valid, else a new id. */
    public static String orNew(String candidate) {
        return valid(candidate) ? candidate : newId();
    }

    /** The id of the work this thread is doing, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** Puts {@code id} (ignored when null or invalid) in the MDC until the scope closes, then restores the previous one. */
    public static Scope open(String id) {
        return open(MDC_KEY, valid(id) ? id : null);
    }

    /** The same for another MDC entry ({@code value} null leaves it as it is). */
    public static Scope open(String key, String value) {
        String previous = MDC.get(key);
        if (value != null) {
            MDC.put(key, value);
        }
        return () -> {
            if (previous == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, previous);
            }
        };
    }

    /** Changes the id for the rest of an open scope (a form that starts while a message is handled). */
    public static void switchTo(String id) {
        if (valid(id)) {
            MDC.put(MDC_KEY, id);
        }
    }

    /** An MDC entry that ends with a try-with-resources block. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
