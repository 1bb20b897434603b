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
}
