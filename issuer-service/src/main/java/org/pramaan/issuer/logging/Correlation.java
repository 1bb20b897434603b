package org.pramaan.issuer.logging;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The correlation id that follows one application from the bridge's webhook through this service's
 * ledger anchoring to the delivery notice: taken from {@value #HEADER} on requests, stored with the
 * application, certificate and outbox rows, and put in the logging MDC under {@value #MDC_KEY}
 * while an item is handled (structured logs include the MDC). Usage:
 * <pre>{@code try (Correlation.Scope scope = Correlation.open(row.correlationId())) { ... } }</pre>
 */
public final class Correlation {

    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** Short and plain: it lands in log lines and headers, so nothing that could forge either. */
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Correlation() {
    }

    /** Whether {@code candidate} may be used as given (1..64 of letters, digits and {@code . _ : -}). */
    public static boolean valid(String candidate) {
        return candidate != null && VALID.matcher(candidate).matches();
    }

    /** {@code candidate} when valid, else a new id. */
    public static String orNew(String candidate) {
        return valid(candidate) ? candidate : UUID.randomUUID().toString();
    }

    /** The id of the work this thread is doing, if any. */
    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }

    /** Puts {@code id} (ignored when null or invalid) in the MDC until the scope closes, then restores the previous one. */
    public static Scope open(String id) {
        String previous = MDC.get(MDC_KEY);
        if (valid(id)) {
            MDC.put(MDC_KEY, id);
        }
        return () -> {
            if (previous == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, previous);
            }
        };
    }

    /** An MDC entry that ends with a try-with-resources block. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
