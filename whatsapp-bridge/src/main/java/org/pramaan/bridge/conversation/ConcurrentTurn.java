package org.pramaan.bridge.conversation;

/**
 * The conversation a turn was prepared from changed before the turn could be written (an abandoned form expired
 * meanwhile, or a number change moved it): the turn's writes are dropped with its transaction and the message is
 * worked again from the new state.
 */
public final class ConcurrentTurn extends RuntimeException {

    ConcurrentTurn(String citizenId) {
        super("conversation of " + org.pramaan.service.logging.PersonalNumbers.phone(citizenId)
                + " changed while its turn was prepared");
    }
}
