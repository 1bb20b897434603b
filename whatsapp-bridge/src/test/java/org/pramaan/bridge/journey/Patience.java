package org.pramaan.bridge.journey;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How long a drill waits for the platform to settle after its faults: one deadline shared by every check that
 * follows, each polled with Awaitility. A check still false at the deadline is not thrown: the drill's counts then
 * say what was lost, which tells more than which wait ran out.
 */
final class Patience {

    private final long deadlineNanos;

    private Patience(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    static Patience of(Duration patience) {
        return new Patience(System.nanoTime() + patience.toNanos());
    }

    /** Polls {@code done} every {@code every} until it holds or the patience is spent; whether it held. */
    boolean until(Duration every, Callable<Boolean> done) {
        long left = deadlineNanos - System.nanoTime();
        try {
            if (left < 2_000_000) { // under 2 ms left: one last look
                return done.call();
            }
            // Checked at once, then every `every` (never longer than what is left: Awaitility refuses a poll
            // interval beyond its timeout, which a patience nearly spent would otherwise give it).
            Duration remaining = Duration.ofNanos(left);
            Duration interval = every.compareTo(remaining) < 0 ? every : remaining.dividedBy(2);
            Awaitility.await().atMost(remaining).pollDelay(Duration.ZERO).pollInterval(interval).until(done);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        } catch (Exception e) {
            throw new IllegalStateException("a settle check failed: " + e, e);
        }
    }

    /** A load's pause between retries that ends at once when the load is stopped. */
    static final class Stop {
        private final CountDownLatch stopped = new CountDownLatch(1);

        void stop() {
            stopped.countDown();
        }

        boolean stopped() {
            return stopped.getCount() == 0;
        }

        /** Waits {@code millis} unless stopped first. */
        void pause(long millis) {
            try {
                stopped.await(millis, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
