package org.pramaan.service.work;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.service.database.ServiceDatabase;

/**
 * Workers wake on work queued by anyone: a NOTIFY sent on another connection (as another process's enqueuing
 * transaction sends it) wakes an idle worker whose idle poll is a minute away, at once, and only once the sending
 * transaction commits; a worker whose queue says when its next row comes due waits only that long. A real
 * embedded PostgreSQL.
 */
class PgWakeUpsTest {

    private static ServiceDatabase database;

    @BeforeAll
    static void open() {
        database = ServiceDatabase.builder("wake-ups").poolSize(3).open();
    }

    @AfterAll
    static void close() {
        database.close();
    }

    /** A queue of rows put in by the test; counts claims so a test sees when the worker looked. */
    private static final class ListQueue implements LeasedWorker.Queue<Integer> {
        final List<Integer> due = new ArrayList<>();
        final AtomicInteger claims = new AtomicInteger();
        volatile Instant nextDue;

        @Override
        public synchronized List<Integer> claim(Lease lease, int limit) {
            claims.incrementAndGet();
            if (nextDue != null && Instant.now().isBefore(nextDue)) {
                return List.of();
            }
            List<Integer> claimed = new ArrayList<>(due);
            due.clear();
            return claimed;
        }

        @Override
        public Optional<Instant> nextDue(Instant now) {
            return Optional.ofNullable(nextDue);
        }

        synchronized void add(int row) {
            due.add(row);
        }
    }

    private static LeasedWorker<Integer> worker(ListQueue queue, List<Long> workedAt) {
        return new LeasedWorker<>("wake", queue, (row, lease) -> workedAt.add(System.nanoTime()),
                new LeasedWorker.Settings(1, 10, Duration.ofSeconds(30), Duration.ofMinutes(1)), Clock.systemUTC(),
                WorkerLoop.Pace.NONE);
    }

    @Test
    void aNotifyFromAnotherConnectionWakesAnIdleWorkerAtOnceAfterTheCommit() throws Exception {
        ListQueue queue = new ListQueue();
        List<Long> workedAt = new CopyOnWriteArrayList<>();
        LeasedWorker<Integer> worker = worker(queue, workedAt);
        try (PgWakeUps wakeUps = PgWakeUps.on(database.dataSource()).on("pramaan_test", worker::wake)) {
            worker.start();
            wakeUps.start();
            await().atMost(Duration.ofSeconds(10)).until(wakeUps::isListening);
            // The worker has looked (at start, and once more for the listener's first wake-up) and is now idle for a minute.
            await().atMost(Duration.ofSeconds(5)).until(() -> queue.claims.get() >= 2);
            int[] seen = {queue.claims.get()};
            await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5)).until(() -> {
                int now = queue.claims.get();
                boolean settled = now == seen[0];
                seen[0] = now;
                return settled;
            });
            int idleClaims = queue.claims.get();

            queue.add(1);
            try (Connection other = database.dataSource().getConnection()) {
                other.setAutoCommit(false);
                PgWakeUps.notify(other, "pramaan_test");
                // No wake-up before the queuing transaction commits.
                await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                        .until(() -> queue.claims.get() == idleClaims);
                long committed = System.nanoTime();
                other.commit();
                await().atMost(Duration.ofSeconds(2)).until(() -> workedAt.size() == 1);
                assertThat(Duration.ofNanos(workedAt.get(0) - committed)).isLessThan(Duration.ofMillis(500));
            }

            // A plain NOTIFY statement from any client (psql, a trigger) does the same.
            queue.add(2);
            long sent = System.nanoTime();
            try (Connection other = database.dataSource().getConnection(); Statement s = other.createStatement()) {
                s.execute("NOTIFY pramaan_test");
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> workedAt.size() == 2);
            assertThat(Duration.ofNanos(workedAt.get(1) - sent)).isLessThan(Duration.ofMillis(500));

            // Another channel's notification wakes nobody here.
            queue.add(3);
            int before = queue.claims.get();
            try (Connection other = database.dataSource().getConnection()) {
                PgWakeUps.notify(other, "pramaan_other");
            }
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> queue.claims.get() == before);
            assertThat(workedAt).hasSize(2);
        } finally {
            worker.stop();
        }
    }

    @Test
    void anIdleWorkerWaitsOnlyUntilItsQueueSaysWorkComesDue() throws Exception {
        ListQueue queue = new ListQueue();
        List<Long> workedAt = new CopyOnWriteArrayList<>();
        LeasedWorker<Integer> worker = worker(queue, workedAt);
        queue.nextDue = Instant.now().plusMillis(300);
        queue.add(7);
        long start = System.nanoTime();
        worker.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> workedAt.size() == 1);
            Duration waited = Duration.ofNanos(workedAt.get(0) - start);
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(2));
        } finally {
            worker.stop();
        }
    }

    @Test
    void aListenerThatCannotConnectTriesAgainAfterGrowingPausesThenWakesEveryoneOnce() throws Exception {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        AtomicInteger wakes = new AtomicInteger();
        PgWakeUps wakeUps = new PgWakeUps(() -> {
            attempts.add(System.nanoTime());
            if (attempts.size() <= 3) {
                throw new java.sql.SQLException("connection refused (PostgreSQL restarting)");
            }
            return database.dataSource().getConnection();
        }, Duration.ofMillis(100)).on("reconnect_test", wakes::incrementAndGet);
        wakeUps.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(wakeUps::isListening);
            // Back on: whatever was queued meanwhile is looked at once, by every listener.
            await().atMost(Duration.ofSeconds(2)).until(() -> wakes.get() == 1);
            assertThat(attempts).hasSize(4);
            // 100 ms, 200 ms, 400 ms: the pause doubles while the database stays away.
            assertThat(Duration.ofNanos(attempts.get(3) - attempts.get(2))).isGreaterThanOrEqualTo(Duration.ofMillis(350));
            assertThat(Duration.ofNanos(attempts.get(1) - attempts.get(0))).isLessThan(Duration.ofMillis(350));
        } finally {
            wakeUps.close();
        }
    }

    @Test
    void closingDuringAPauseReturnsAtOnce() {
        AtomicInteger attempts = new AtomicInteger();
        PgWakeUps wakeUps = new PgWakeUps(() -> {
            attempts.incrementAndGet();
            throw new java.sql.SQLException("connection refused");
        }, Duration.ofMinutes(10)).on("closing_test", () -> { });
        wakeUps.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> attempts.get() == 1);
        long start = System.nanoTime();
        wakeUps.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(attempts).hasValue(1);
    }

    @Test
    void channelsAreCheckedIdentifiers() {
        PgWakeUps wakeUps = PgWakeUps.on(database.dataSource());
        assertThatThrownBy(() -> wakeUps.on("x; DROP TABLE y", () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wakeUps.on("Upper", () -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
