package org.pramaan.bridge.outbound;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes the sender when new messages are committed, so replies do not wait for the next poll. */
@Component
public class OutboxSignal {

    private volatile Runnable listener = () -> { };

    /** Who is woken: the sender, once it exists (the outbox is made before it). */
    public void listen(Runnable wake) {
        listener = wake;
    }

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
        listener.run();
    }
}
