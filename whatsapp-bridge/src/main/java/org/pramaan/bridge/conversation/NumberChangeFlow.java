package org.pramaan.bridge.conversation;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.pramaan.bridge.citizen.ApplicationOwners;
import org.pramaan.bridge.citizen.Citizen;
import org.pramaan.bridge.citizen.Citizens;
import org.pramaan.bridge.citizen.IdentityChange;
import org.pramaan.bridge.citizen.NumberChanges;
import org.pramaan.bridge.outbound.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A citizen changed their WhatsApp number (or WhatsApp changed their user id): the person is the same, so their
 * language, the form they are filling in, the messages not yet sent and their applications follow them, and the
 * old number keeps nothing of theirs. Runs in the inbox worker's transaction, so it happens whole or not at all.
 */
@Component
public class NumberChangeFlow {

    private static final Logger log = LoggerFactory.getLogger(NumberChangeFlow.class);

    private final Citizens citizens;
    private final Conversations conversations;
    private final Outbox outbox;
    private final ApplicationOwners owners;
    private final NumberChanges changes;
    private final MeterRegistry meters;

    public NumberChangeFlow(Citizens citizens, Conversations conversations, Outbox outbox, ApplicationOwners owners,
            NumberChanges changes, MeterRegistry meters) {
        this.citizens = citizens;
        this.conversations = conversations;
        this.outbox = outbox;
        this.owners = owners;
        this.changes = changes;
        this.meters = meters;
    }

    /** Returns the citizen as they are now known. */
    public Citizen apply(Citizen citizen, IdentityChange change, Instant at) {
        String newId = change.newId(citizen);
        Citizen moved = citizens.transfer(citizen.id(), newId, change.newPhone(), change.newUserId());
        if (newId.equals(citizen.id())) {
            log.info("Citizen {} has a new business-scoped user id", citizen.id());
            return moved;
        }
        conversations.transfer(citizen.id(), newId);
        int messages = outbox.transfer(citizen.id(), moved);
        owners.transfer(citizen.id(), newId);
        changes.record(citizen.id(), newId, at);
        meters.counter("bridge.citizens.number.changed").increment();
        log.info("Citizen {} changed number to {}: conversation, {} unsent messages and applications moved",
                citizen.id(), newId, messages);
        return moved;
    }
}
