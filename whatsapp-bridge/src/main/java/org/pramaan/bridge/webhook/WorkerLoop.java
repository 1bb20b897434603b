package org.pramaan.bridge.webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A background loop on its own thread, for the bridge's queue workers (inbox, outbox): rounds run back to back while
 * there is work, the loop waits for a wake-up (or the poll interval) when there is none, and a failing round is
 * logged and tried again after a pause instead of ending the loop: the work stays queued in the database. Before
 * each round it lets webhook acknowledgements go first (see {@link IngestPressure}).
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

    private static final Logger log = LoggerFactory.getLogger(WorkerLoop.class);
    private static final long MAX_YIELD_MILLIS = 20;

    private final String name;
    private final Round round;
    private final Idle idle;
    private final long idleMillis;
    private final IngestPressure pressure;
    private volatile boolean running;
    private Thread thread;

    public WorkerLoop(String name, Round round, Idle idle, long idleMillis, IngestPressure pressure) {
        this.name = name;
        this.round = round;
        this.idle = idle;
        this.idleMillis = idleMillis;
        this.pressure = pressure;
    }

    public synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, name);
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
                pressure.yieldToIngest(MAX_YIELD_MILLIS);
                if (!round.run()) {
                    idle.await(idleMillis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("{} round failed; trying again", name, e);
                try {
                    idle.await(Math.max(idleMillis, 1000));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
