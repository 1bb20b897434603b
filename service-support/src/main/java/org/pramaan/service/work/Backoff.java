package org.pramaan.service.work;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When a failed unit of work is tried again: {@code first} after the first failure, doubling with every further
 * one, never longer than {@code max}. The one copy of this arithmetic for every queue in the platform.
 */
public record Backoff(Duration first, Duration max) {

    /** Doublings beyond this change nothing that matters and would overflow a long. */
    private static final int MAX_DOUBLINGS = 16;

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, got " + first + " and " + max);
        }
    }

    /** The wait after a failure, given how many attempts had failed before this one. */
    public Duration after(int earlierAttempts) {
        Duration wait = first.multipliedBy(1L << Math.min(Math.max(earlierAttempts, 0), MAX_DOUBLINGS));
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** The moment of the next attempt. */
    public Instant next(Instant now, int earlierAttempts) {
        return now.plus(after(earlierAttempts));
    }
}
