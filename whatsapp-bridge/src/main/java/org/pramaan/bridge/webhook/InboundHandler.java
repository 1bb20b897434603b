package org.pramaan.bridge.webhook;

/**
 * Acts on one inbox event in two parts, so no database lock or connection is held while the issuer, the verifier or
 * the Graph API answers: {@link #prepare} runs outside any transaction and makes the remote calls, and the
 * {@link Effects} it returns write what the event changes (conversation state, queued replies) inside the worker's
 * short settling transaction, together with the event's "processed" mark.
 */
public interface InboundHandler {

    /** Reads and calls what the event needs; writes nothing. */
    Effects prepare(InboxEvent event);

    /** What an event changes, applied in the settling transaction; returns a short outcome for the record. */
    @FunctionalInterface
    interface Effects {
        String apply();
    }

}
