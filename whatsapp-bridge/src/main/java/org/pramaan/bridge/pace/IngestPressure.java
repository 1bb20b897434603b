package org.pramaan.bridge.pace;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.pramaan.service.work.WorkerLoop;
import org.springframework.stereotype.Component;

/**
 * Gives acknowledgements priority over processing on a small machine: while many webhook requests are in flight,
 * background work (inbox processing, sending) waits a little before its next unit. The wait is bounded, so work
 * never starves; under a sustained burst the backlog grows in the inbox, where it is safe, instead of the
 * acknowledgement latency growing at Meta. It is the {@link WorkerLoop.Pace} of the bridge's workers.
 */
@Component
public class IngestPressure implements WorkerLoop.Pace {

    private static final int BUSY = 4;
    private static final long STEP_NANOS = 1_000_000;
    private static final long MAX_YIELD_MILLIS = 20;

    private final AtomicInteger inFlight = new AtomicInteger();

    public void enter() {
        inFlight.incrementAndGet();
    }

    public void exit() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public void beforeRound() {
        yieldToIngest(MAX_YIELD_MILLIS);
    }

    /** Waits while acknowledgements are busy, at most {@code maxMillis}. */
    public void yieldToIngest(long maxMillis) {
        for (long waited = 0; inFlight.get() > BUSY && waited < maxMillis; waited++) {
            LockSupport.parkNanos(STEP_NANOS);
        }
    }
}
