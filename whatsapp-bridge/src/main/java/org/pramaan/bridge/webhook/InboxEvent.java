package org.pramaan.bridge.webhook;

import java.time.Instant;

/**
 * One unit of inbound work as stored in the inbox: a message, a status or a value-level error.
 *
 * @param key       deduplication key: the message id, or "id:status" for a status
 * @param citizenId phone number, or business-scoped user id when there is none (null for errors)
 * @param payload   JSON of the item together with the contact profile it came with
 */
public record InboxEvent(String key, Kind kind, String citizenId, Instant eventTime, String payload) {

    public enum Kind { MESSAGE, STATUS, ERROR }
}
