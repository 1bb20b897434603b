package org.pramaan.issuer.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives each application stored before references existed (V13) its reference, once, at start, in small
 * batches. Several processes may run it at once: each row is given one only while it has none.
 */
@Component
class ReferenceBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceBackfill.class);
    private static final int BATCH = 500;
    private static final int MAX_BATCHES = 100_000;

    private final Applications applications;

    ReferenceBackfill(Applications applications) {
        this.applications = applications;
    }

    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        long total = 0;
        for (int i = 0; i < MAX_BATCHES; i++) {
            int given = applications.giveReferences(BATCH);
            total += given;
            if (given == 0) {
                break;
            }
        }
        if (total > 0) {
            LOG.info("gave {} earlier applications their short reference", total);
        }
    }
}
