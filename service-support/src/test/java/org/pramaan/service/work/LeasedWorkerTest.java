package org.pramaan.service.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The worker's own mechanics against a queue held in memory (the SQL claims are tested with PostgreSQL where each
 * queue lives): threads share the work, a slow row holds up only its own thread, a row that throws stays for later.
 */
class LeasedWorkerTest {

    /** A queue whose claim hands each row to one lease at a time, as the SQL claims do with lease_until. */
    private static final class MemoryQueue implements LeasedWorker.Queue<Integer> {
        private final List<Integer> due = new ArrayList<>();

        MemoryQueue(int rows) {
            for (int i = 0; i < rows; i++) {
                due.add(i);
            }
        }

        @Override
        public synchronized List<Integer> claim(Lease lease, int limit) {
            List<Integer> claimed = new ArrayList<>(due.subList(0, Math.min(limit, due.size())));
            due.removeAll(claimed);
            return claimed;
        }

        synchronized void putBack(int row) {
            due.add(row);
        }
    }

    private static LeasedWorker.Settings settings(int workers) {
        return new LeasedWorker.Settings(workers, 5, Duration.ofSeconds(30), Duration.ofMillis(20));
    }

    @Test
    void threadsShareTheWorkAndEachRowIsWorkedOnce() {
        MemoryQueue queue = new MemoryQueue(500);
        Map<Integer, AtomicInteger> worked = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> byOwner = new ConcurrentHashMap<>();
        LeasedWorker<Integer> worker = new LeasedWorker<>("test", queue, (row, lease) -> {
            worked.computeIfAbsent(row, r -> new AtomicInteger()).incrementAndGet();
            byOwner.computeIfAbsent(lease.owner(), o -> new AtomicInteger()).incrementAndGet();
        }, settings(4), Clock.systemUTC(), WorkerLoop.Pace.NONE);
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> worked.size() == 500);
        } finally {
            worker.stop();
        }
        assertThat(worked.values()).allMatch(n -> n.get() == 1);
        assertThat(byOwner.keySet()).allMatch(owner -> owner.startsWith("test-"));
        assertThat(worker.isRunning()).isFalse();
    }

    @Test
    void aSlowRowHoldsUpOnlyItsOwnThread() throws Exception {
        MemoryQueue queue = new MemoryQueue(0);
        CountDownLatch release = new CountDownLatch(1);
        Map<Integer, Boolean> done = new ConcurrentHashMap<>();
        LeasedWorker<Integer> worker = new LeasedWorker<>("test", queue, (row, lease) -> {
            if (row == 0) {
                release.await(20, TimeUnit.SECONDS); // a remote call that hangs
            }
            done.put(row, true);
        }, new LeasedWorker.Settings(2, 1, Duration.ofSeconds(30), Duration.ofMillis(20)), Clock.systemUTC(),
                WorkerLoop.Pace.NONE);
        worker.start();
        try {
            queue.putBack(0);
            worker.wake();
            for (int i = 1; i <= 50; i++) {
                queue.putBack(i);
            }
            worker.wake();
            await().atMost(Duration.ofSeconds(10)).until(() -> done.size() == 50);
            assertThat(done).doesNotContainKey(0);
            release.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> done.containsKey(0));
        } finally {
            release.countDown();
            worker.stop();
        }
    }

    @Test
    void aRowThatThrowsIsLeftForItsLeaseToEndAndTheRestGoOn() throws Exception {
        MemoryQueue queue = new MemoryQueue(10);
        List<Integer> done = new ArrayList<>();
        LeasedWorker<Integer> worker = new LeasedWorker<>("test", queue, (row, lease) -> {
            if (row == 3) {
                throw new IllegalStateException("the bridge said 500");
            }
            done.add(row);
        }, settings(1), Clock.systemUTC(), WorkerLoop.Pace.NONE);
        boolean any = worker.round("test-owner");
        any &= worker.round("test-owner");
        assertThat(any).isTrue();
        assertThat(done).containsExactly(0, 1, 2, 4, 5, 6, 7, 8, 9);
        assertThat(worker.round("test-owner")).isFalse();
    }
}
