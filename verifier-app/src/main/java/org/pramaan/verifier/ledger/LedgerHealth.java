package org.pramaan.verifier.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.pramaan.verifier.config.VerifierProperties;
import org.springframework.stereotype.Component;

/**
 * When the ledger last answered. A cached answer is only called fresh while the ledger is being
 * reached: then the event stream, which invalidates the cache, is flowing too.
 */
@Component
public class LedgerHealth {

    private final Clock clock;
    private final Duration window;
    private volatile Instant lastReached;
    private volatile String lastProblem;

    public LedgerHealth(Clock clock, VerifierProperties properties) {
        this.clock = clock;
        this.window = properties.ledgerContactWindow();
    }

    public void reached() {
        lastReached = clock.instant();
        lastProblem = null;
    }

    public void failed(Exception e) {
        lastProblem = e.getMessage();
    }

    public boolean reachable() {
        Instant last = lastReached;
        return last != null && lastProblem == null && Duration.between(last, clock.instant()).compareTo(window) <= 0;
    }

    /**
     * Whether the ledger answered within the contact window, whatever failed since: one call past its deadline is a
     * slow moment, not a peer that stopped answering.
     */
    public boolean answeredWithinWindow() {
        Instant last = lastReached;
        return last != null && Duration.between(last, clock.instant()).compareTo(window) <= 0;
    }

    public Instant lastReached() {
        return lastReached;
    }
}
