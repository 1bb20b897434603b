package org.pramaan.service.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The loop outlives a failing round (the work stays queued) and ends when stopped. Moved from whatsapp-bridge. */
class WorkerLoopTest {

    @Test
    void aFailingRoundDoesNotEndTheLoopAndStopEndsIt() {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicInteger paced = new AtomicInteger();
        Semaphore wakeups = new Semaphore(0);
        WorkerLoop loop = new WorkerLoop("test-worker", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone for a moment");
            }
            return done.incrementAndGet() < 3; // three rounds of work, then idle
        }, millis -> wakeups.tryAcquire(millis, TimeUnit.MILLISECONDS), Duration.ofMillis(50), paced::incrementAndGet);
        loop.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> done.get() >= 3);
        assertThat(loop.isRunning()).isTrue();

        loop.stop();
        assertThat(loop.isRunning()).isFalse();
        assertThat(paced.get()).as("the pace runs before every round").isGreaterThanOrEqualTo(calls.get());
        int after = calls.get();
        wakeups.release();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> calls.get() == after);
    }

    @Test
    void aLoopRunsAtItsThreadPriority() {
        AtomicInteger seen = new AtomicInteger();
        WorkerLoop loop = new WorkerLoop("low-worker", () -> {
            seen.set(Thread.currentThread().getPriority());
            return false;
        }, millis -> TimeUnit.MILLISECONDS.sleep(millis), Duration.ofMillis(20), WorkerLoop.Pace.NONE,
                Thread.MIN_PRIORITY);
        loop.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.get() != 0);
            assertThat(seen.get()).isEqualTo(Thread.MIN_PRIORITY);
        } finally {
            loop.stop();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WorkerLoop("bad", () -> false, millis -> { },
                Duration.ofMillis(20), WorkerLoop.Pace.NONE, 11)).hasMessageContaining("1..10");
    }
}
