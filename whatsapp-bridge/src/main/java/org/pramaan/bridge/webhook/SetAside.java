package org.pramaan.bridge.webhook;

/**
 * An item of a signed notification the bridge could not understand or store, kept with the reason for an operator
 * instead of failing the whole POST.
 *
 * @param detail what was wrong, without the item's values (it goes into logs and metrics' neighbourhood)
 * @param raw    the item as received, JSON
 */
public record SetAside(Reason reason, String detail, String raw) {

    public enum Reason {
        /** No id, no sender, no status: not an event we know how to handle. */
        UNREADABLE,
        /** An id longer than the inbox can index. */
        ID_TOO_LONG,
        /** A sender id no WhatsApp number or user id can be. */
        SENDER_UNUSABLE,
        /** NUL or other control characters in an id or sender. */
        CONTROL_CHARACTERS,
        /** The database refused the row. */
        STORE_FAILED
    }
}
