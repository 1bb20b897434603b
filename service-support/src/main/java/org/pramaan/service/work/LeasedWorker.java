package org.pramaan.service.work;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a queue table with leases: each of {@code workers} threads claims up to {@code batch} rows in one short
 * transaction (marking them with its name and a lease end), works them outside any transaction (the remote call:
 * ledger, bridge, WhatsApp, issuer), and settles each in its own short transaction that checks the lease is still
 * its own. No row lock is held across a remote call; a process killed mid-way leaves leased rows that anyone takes
 * once the lease ends. Several threads and several processes share one table this way without working a row twice
 * at the same time.
 *
 * @param <T> a claimed row
 */
public final class LeasedWorker<T> {

    /** Claims due rows for the lease, in one short transaction; rows another live lease holds are skipped. */
    @FunctionalInterface
    public interface Queue<T> {
        List<T> claim(Lease lease, int limit);

        /**
         * When a row that is queued but not yet due (a batch still filling, a retry waiting for its backoff) becomes
         * due, if the queue can tell: an idle thread then waits only that long instead of its whole idle interval.
         * Work queued later wakes it through {@link #wake()} (and {@link PgWakeUps} across processes).
         */
        default Optional<Instant> nextDue(Instant now) {
            return Optional.empty();
        }
    }

    /**
     * Works one claimed row outside any transaction and settles it (done, or failed with its next attempt) in a
     * short one, only where the row still carries {@code lease}. A row it throws for stays leased until the lease
     * ends and is then claimed again.
     */
    @FunctionalInterface
    public interface Job<T> {
        void work(T row, Lease lease) throws InterruptedException;
    }

    /** How many threads, rows per claim, how long a claim lasts, how long an idle thread waits for a wake-up. */
    public record Settings(int workers, int batch, Duration lease, Duration idle) {
        public Settings {
            if (workers < 1 || batch < 1) {
                throw new IllegalArgumentException("workers and batch must be at least 1");
            }
            Objects.requireNonNull(lease, "lease");
            Objects.requireNonNull(idle, "idle");
        }
    }

    private static final Logger log = LoggerFactory.getLogger(LeasedWorker.class);
    /** The shortest idle wait, so a row due now that another thread holds is not asked for in a tight loop. */
    private static final long MIN_IDLE_MILLIS = 10;

    private final String name;
    private final Queue<T> queue;
    private final Job<T> job;
    private final Settings settings;
    private final Clock clock;
    private final WorkerLoop.Pace pace;
    private final int priority;
    private final Semaphore wakeUps = new Semaphore(0);
    private final List<WorkerLoop> loops = new ArrayList<>();

    public LeasedWorker(String name, Queue<T> queue, Job<T> job, Settings settings, Clock clock, WorkerLoop.Pace pace) {
        this(name, queue, job, settings, clock, pace, Thread.NORM_PRIORITY);
    }

    /** With the priority of its threads ({@link WorkerLoop}'s). */
    public LeasedWorker(String name, Queue<T> queue, Job<T> job, Settings settings, Clock clock, WorkerLoop.Pace pace,
                        int priority) {
        this.priority = priority;
        this.name = Objects.requireNonNull(name, "name");
        this.queue = Objects.requireNonNull(queue, "queue");
        this.job = Objects.requireNonNull(job, "job");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pace = Objects.requireNonNull(pace, "pace");
    }

    public synchronized void start() {
        if (!loops.isEmpty()) {
            return;
        }
        for (int i = 1; i <= settings.workers(); i++) {
            String owner = WorkerIdentity.of(name + "-" + i);
            WorkerLoop loop = new WorkerLoop(name + "-" + i, () -> round(owner),
                    millis -> wakeUps.tryAcquire(idleFor(millis), TimeUnit.MILLISECONDS), settings.idle(), pace, priority);
            loops.add(loop);
            loop.start();
        }
    }

    public synchronized void stop() {
        loops.forEach(WorkerLoop::stop);
        loops.clear();
    }

    public synchronized boolean isRunning() {
        return !loops.isEmpty();
    }

    /** The idle wait: the whole interval, or until the queue's next row comes due (never a busy spin). */
    private long idleFor(long millis) {
        Optional<Instant> due;
        try {
            due = queue.nextDue(clock.instant());
        } catch (RuntimeException e) {
            log.debug("{}: could not ask when work comes due: {}", name, e.toString());
            return millis;
        }
        if (due.isEmpty()) {
            return millis;
        }
        long until = Duration.between(clock.instant(), due.get()).toMillis();
        return Math.max(MIN_IDLE_MILLIS, Math.min(millis, until));
    }

    /** New work was queued: idle threads look now instead of at their next poll. */
    public void wake() {
        if (wakeUps.availablePermits() < settings.workers()) {
            wakeUps.release();
        }
    }

    /** One claim and its work; false when nothing was due. Visible for tests that drive a worker by hand. */
    public boolean round(String owner) throws InterruptedException {
        Lease lease = Lease.take(owner, clock, settings.lease());
        List<T> claimed = queue.claim(lease, settings.batch());
        for (T row : claimed) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (!clock.instant().isBefore(lease.until())) {
                // Earlier rows took the whole lease: the rest may be someone else's by now, and are claimed again.
                log.info("{}: lease of {} ended with {} claimed rows unworked; they go back to the queue", name,
                        owner, claimed.size() - claimed.indexOf(row));
                break;
            }
            try {
                job.work(row, lease);
            } catch (RuntimeException e) {
                // Left leased: claimed again once the lease ends, by this worker or another.
                log.warn("{}: a claimed row failed and waits for its lease to end: {}", name, e.toString());
            }
        }
        return !claimed.isEmpty();
    }
}
