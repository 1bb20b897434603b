package org.pramaan.service.work;

import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop on its own thread: rounds run back to back while there is work, the loop waits for a wake-up
 * (or the idle interval) when there is none, and a failing round is logged and tried again after a pause instead
 * of ending the loop: the work stays queued in the database. The one loop every worker in the platform runs on.
 */
public final class WorkerLoop {

    /** One unit of work; returns false when there was nothing to do. */
    @FunctionalInterface
    public interface Round {
        boolean run() throws InterruptedException;
    }

    /** Waits at most {@code millis} for a wake-up. */
    @FunctionalInterface
    public interface Idle {
        void await(long millis) throws InterruptedException;
    }

    /** Runs before each round, e.g. to let request threads go first on a small machine; must be bounded. */
    @FunctionalInterface
    public interface Pace {
        void beforeRound() throws InterruptedException;

        Pace NONE = () -> { };
    }

    private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);
    private static final long MIN_PAUSE_AFTER_FAILURE_MILLIS = 1000;

    private final String name;
    private final Round round;
    private final Idle idle;
    private final long idleMillis;
    private final Pace pace;
    private final int priority;
    private volatile boolean running;
    private Thread thread;

    public WorkerLoop(String name, Round round, Idle idle, Duration idleInterval, Pace pace) {
        this(name, round, idle, idleInterval, pace, Thread.NORM_PRIORITY);
    }

    /**
     * With a thread priority: {@link Thread#MIN_PRIORITY} for work that may wait while requests and more urgent
     * workers have the CPU. The JVM passes it to the operating system only when started with
     * {@code -XX:ThreadPriorityPolicy=1} (then {@code -XX:JavaPriority1_To_OSPriority=19} makes it nice 19 on Linux).
     */
    public WorkerLoop(String name, Round round, Idle idle, Duration idleInterval, Pace pace, int priority) {
        if (priority < Thread.MIN_PRIORITY || priority > Thread.MAX_PRIORITY) {
            throw new IllegalArgumentException("thread priority must be 1..10, got " + priority);
        }
        this.priority = priority;
        this.name = Objects.requireNonNull(name, "name");
        this.round = Objects.requireNonNull(round, "round");
        this.idle = Objects.requireNonNull(idle, "idle");
        this.idleMillis = idleInterval.toMillis();
        this.pace = Objects.requireNonNull(pace, "pace");
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.setPriority(priority);
        thread.start();
    }

    /** Stops after the current round, waiting for it at most five seconds. */
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                pace.beforeRound();
                if (!round.run()) {
                    idle.await(idleMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} round failed; trying again", name, e);
                try {
                    idle.await(Math.max(idleMillis, MIN_PAUSE_AFTER_FAILURE_MILLIS));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
