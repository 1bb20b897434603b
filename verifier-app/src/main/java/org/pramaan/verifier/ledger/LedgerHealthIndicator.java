package org.pramaan.verifier.ledger;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The ledger in the verifier's health ({@code ledger}): UP while it answers, DEGRADED (still ready,
 * HTTP 200) when it does not, because answers the ledger gave before are still served with their
 * age and everything else is answered {@code UNAVAILABLE}. Passive: it reads what the last lookups
 * and trust list refreshes (every 30 s) saw, so a health probe never waits on the ledger.
 */
@Component
public class LedgerHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the ledger cannot be reached: cached answers only");

    private final LedgerHealth ledger;

    public LedgerHealthIndicator(LedgerHealth ledger) {
        this.ledger = ledger;
    }

    @Override
    public Health health() {
        Health.Builder health = ledger.reachable() ? Health.up() : Health.status(DEGRADED);
        if (ledger.lastReached() != null) {
            health.withDetail("lastReached", ledger.lastReached().toString());
        }
        return health.build();
    }
}
