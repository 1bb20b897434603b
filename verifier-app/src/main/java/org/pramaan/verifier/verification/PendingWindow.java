package org.pramaan.verifier.verification;

import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long after issue an unrecorded certificate is {@code PENDING} rather than {@code NOT_ANCHORED}
 * ({@code VERIFIER_PENDING_WINDOW}, default 5 minutes). Anchoring takes seconds; a clerk scanning a fresh
 * print must not be told to refuse it, and a forger gains nothing from the window: the signature must hold
 * and the page says the ledger has not confirmed it.
 *
 * @param window how long after its signed issue time a certificate may still be waiting for the ledger
 */
@ConfigurationProperties("verifier.pending")
public record PendingWindow(Duration window) {

    /** Clocks of issuer and verifier may differ a little; a "future" issue time beyond this is not pending. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    public PendingWindow {
        window = window == null ? Duration.ofMinutes(5) : window;
        if (window.isNegative()) {
            throw new IllegalArgumentException("verifier.pending.window must not be negative: " + window);
        }
    }

    /** Whether a certificate signed as issued at {@code issuedAt} may still be on its way to the ledger at {@code now}. */
    public boolean covers(Instant issuedAt, Instant now) {
        return !issuedAt.isAfter(now.plus(CLOCK_SKEW)) && issuedAt.plus(window).isAfter(now);
    }
}
