package org.pramaan.issuer.work;

/**
 * Published in the transaction that queued work (or made queued work due); {@link IssuerWorkers} wakes the queue's
 * idle workers once that transaction has committed, so a queue is drained at once instead of at its next poll.
 */
public record WorkQueued(QueueName queue) {
}
