package org.pramaan.issuer.work;

import org.pramaan.service.work.LeasedWorker;

/**
 * One of the issuer's background queues: how to claim its due rows with a lease and how to work one claimed unit
 * (the remote call outside any transaction, then a short settling transaction that checks the lease).
 * {@link IssuerWorkers} runs every bean of this type on a {@link LeasedWorker}.
 */
public interface IssuerQueue<T> extends LeasedWorker.Queue<T>, LeasedWorker.Job<T> {

    QueueName name();

    LeasedWorker.Settings settings();

    /** The priority of the queue's threads; lower for work that may wait while approvals and anchoring run. */
    default int threadPriority() {
        return Thread.NORM_PRIORITY;
    }
}
