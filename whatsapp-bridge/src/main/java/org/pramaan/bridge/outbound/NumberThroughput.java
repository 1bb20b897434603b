package org.pramaan.bridge.outbound;

import dev.failsafe.RateLimiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pramaan.service.work.Backoff;

/**
 * The throughput tier of each business number: one smooth token bucket (Failsafe's {@link RateLimiter}) per
 * phone-number id at the tier's rate (Meta's default 80 messages/s, up to 1,000 for an upgraded number), shared by
 * every sender thread, and a pause of the whole number when Meta answers that a throughput or rate limit was hit
 * (130429, 4, 80007): 1 s after the first, doubling while they keep coming, at most a minute; a message sent
 * through again resets it.
 */
public final class NumberThroughput {

    /** Pause after a limit answer: Meta asks to back off; doubling while they keep coming. */
    static final Backoff PAUSE = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1));

    private final int messagesPerSecond;
    private final Clock clock;
    private final Map<String, Number> numbers = new ConcurrentHashMap<>();

    private static final class Number {
        final RateLimiter<Object> bucket;
        volatile Instant pausedUntil = Instant.MIN;
        volatile int pauses;

        Number(int perSecond) {
            this.bucket = RateLimiter.smoothBuilder(perSecond, Duration.ofSeconds(1))
                    .withMaxWaitTime(Duration.ofSeconds(5)).build();
        }
    }

    public NumberThroughput(int messagesPerSecond, Clock clock) {
        if (messagesPerSecond < 1 || messagesPerSecond > 1000) {
            throw new IllegalArgumentException("a number's throughput is 1..1000 messages/s, got " + messagesPerSecond);
        }
        this.messagesPerSecond = messagesPerSecond;
        this.clock = clock;
    }

    public int messagesPerSecond() {
        return messagesPerSecond;
    }

    private Number number(String phoneNumberId) {
        return numbers.computeIfAbsent(phoneNumberId, id -> new Number(messagesPerSecond));
    }

    /** Until when the number is paused after a limit answer; null when it may send. */
    public Instant pausedUntil(String phoneNumberId) {
        Instant until = number(phoneNumberId).pausedUntil;
        return clock.instant().isBefore(until) ? until : null;
    }

    /**
     * Waits for the number's next token (at most 5 s; false when that is not enough, e.g. after a pause the senders
     * all come back at once).
     */
    public boolean acquire(String phoneNumberId) throws InterruptedException {
        return number(phoneNumberId).bucket.tryAcquirePermit(Duration.ofSeconds(5));
    }

    /** Meta said the number is over its limit: nobody sends on it until the returned moment. */
    public synchronized Instant pause(String phoneNumberId) {
        Number n = number(phoneNumberId);
        Instant now = clock.instant();
        if (now.isBefore(n.pausedUntil)) {
            return n.pausedUntil; // another thread's answer to the same burst already paused it
        }
        n.pausedUntil = PAUSE.next(now, n.pauses++);
        return n.pausedUntil;
    }

    /** A message went through: the next limit answer starts the pauses afresh. */
    public void sent(String phoneNumberId) {
        Number n = number(phoneNumberId);
        if (n.pauses != 0) {
            n.pauses = 0;
        }
    }
}
