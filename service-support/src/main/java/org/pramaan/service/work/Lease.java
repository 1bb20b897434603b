package org.pramaan.service.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A worker's claim on queued rows: the rows carry {@code owner} and {@code until}; nobody else takes them before
 * {@code until}, and after it anyone may (the owner died or hung). The owner settles a row only while the row
 * still names it ({@code WHERE lease_owner = ?}), so a worker that outlived its lease cannot settle over the one
 * that reclaimed the row. Work is therefore done at least once, never settled twice; what a worker calls
 * (the ledger, the bridge, WhatsApp) must take a repeat, which all of them do by id.
 */
public record Lease(String owner, Instant until) {

    public Lease {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(until, "until");
    }

    /** A lease for {@code owner} from now for {@code length}. */
    public static Lease take(String owner, Clock clock, Duration length) {
        return new Lease(owner, clock.instant().plus(length));
    }
}
