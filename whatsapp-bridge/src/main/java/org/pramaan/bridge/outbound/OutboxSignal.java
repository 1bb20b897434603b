package org.pramaan.bridge.outbound;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes the sender when new messages are committed, so replies do not wait for the next poll. */
@Component
public class OutboxSignal {

    private final Semaphore permits = new Semaphore(0);

    /** Signals now, or after the surrounding transaction commits (an uncommitted row is invisible to the sender). */
    public void afterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal();
                }
            });
        } else {
            signal();
        }
    }

    public void signal() {
        if (permits.availablePermits() == 0) {
            permits.release();
        }
    }

    public void await(long millis) throws InterruptedException {
        permits.tryAcquire(millis, TimeUnit.MILLISECONDS);
    }
}
