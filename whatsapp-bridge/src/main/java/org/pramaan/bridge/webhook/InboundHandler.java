package org.pramaan.bridge.webhook;

/** Acts on one inbox event inside the worker's transaction; returns a short outcome for the record. */
public interface InboundHandler {

    String handle(InboxEvent event);
}
