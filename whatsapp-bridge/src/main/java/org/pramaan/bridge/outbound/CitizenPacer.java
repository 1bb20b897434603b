package org.pramaan.bridge.outbound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-citizen pacing as Meta describes it: bursts up to about 45 messages, then about one every 6 seconds.
 * A token bucket per citizen; idle buckets are forgotten once full again.
 */
public final class CitizenPacer {

    private final int burst;
    private final Duration interval;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public CitizenPacer(int burst, Duration interval, Clock clock) {
        this.burst = burst;
        this.interval = interval;
        this.clock = clock;
    }

    private static final class Bucket {
        double tokens;
        Instant refilledAt;

        Bucket(double tokens, Instant at) {
            this.tokens = tokens;
            this.refilledAt = at;
        }
    }

    /** Takes a token if there is one; otherwise returns when the next one will be there. */
    public synchronized Instant tryTake(String citizenId) {
        Instant now = clock.instant();
        Bucket b = buckets.computeIfAbsent(citizenId, id -> new Bucket(burst, now));
        double refill = (double) Duration.between(b.refilledAt, now).toNanos() / interval.toNanos();
        b.tokens = Math.min(burst, b.tokens + Math.max(0, refill));
        b.refilledAt = now;
        if (b.tokens >= 1) {
            b.tokens -= 1;
            return null;
        }
        return now.plusNanos((long) ((1 - b.tokens) * interval.toNanos()));
    }

    /** After 131056 (too many messages to this user): empty the bucket so we slow down. */
    public synchronized void drain(String citizenId) {
        Bucket b = buckets.get(citizenId);
        if (b != null) {
            b.tokens = 0;
        }
    }

    public synchronized void forgetFull() {
        Instant now = clock.instant();
        buckets.entrySet().removeIf(e -> e.getValue().tokens
                + (double) Duration.between(e.getValue().refilledAt, now).toNanos() / interval.toNanos() >= burst);
    }
}
