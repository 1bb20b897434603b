package org.pramaan.issuer.work;

/** The issuer's background queues, each a table its {@link IssuerQueue} claims from. */
public enum QueueName {
    ANCHORING, REVOCATION, HOLD, DELIVERY, RENDERING
}
