package org.pramaan.bridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Splits a webhook notification (entries, changes, messages, statuses, errors) into inbox events.
 * One POST may hold many of each; every one becomes its own event so duplicates collapse one by one.
 *
 * <p>Only a body that is not a notification at all is refused. An item the bridge cannot understand or store
 * (no id, no sender, an id or sender too long for the inbox's index) is set aside as a {@link SetAside} rather
 * than failing the POST: Meta would retry the whole POST for days and every good event in it would be lost.
 */
public final class NotificationParser {

    /** Meta's wamids are under 100 characters; a btree index entry must stay under ~2,700 bytes. */
    static final int MAX_KEY_LENGTH = 512;
    /** Phone numbers are at most 15 digits; business-scoped user ids are short too. */
    static final int MAX_CITIZEN_ID_LENGTH = 128;
    /** Retries reach us for up to 7 days; an older or a future timestamp is not believed for ordering. */
    static final Duration BELIEVABLE_AGE = Duration.ofDays(7);

    /** What one POST held: events to store, and items set aside with the reason. */
    public record Notification(List<InboxEvent> events, List<SetAside> setAside) {
    }

    private final ObjectMapper json;

    public NotificationParser(ObjectMapper json) {
        this.json = json;
    }

    /** The storable events; items set aside are dropped (see {@link #read}). */
    public List<InboxEvent> parse(byte[] body, Instant receivedAt) {
        return read(body, receivedAt).events();
    }

    public Notification read(byte[] body, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedNotificationException("body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("entry").isArray()) {
            throw new MalformedNotificationException("expected an object with an \"entry\" array");
        }
        List<InboxEvent> events = new ArrayList<>();
        List<SetAside> setAside = new ArrayList<>();
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!"messages".equals(text(change, "field")) || !value.isObject()) {
                    continue;
                }
                JsonNode contacts = value.path("contacts");
                for (JsonNode message : value.path("messages")) {
                    keep(() -> message(message, contacts, value.path("metadata"), receivedAt), message, events, setAside);
                }
                for (JsonNode status : value.path("statuses")) {
                    keep(() -> status(status, receivedAt), status, events, setAside);
                }
                for (JsonNode error : value.path("errors")) {
                    keep(() -> error(error, receivedAt), error, events, setAside);
                }
            }
        }
        return new Notification(events, setAside);
    }

    private static void keep(java.util.function.Supplier<InboxEvent> reading, JsonNode raw, List<InboxEvent> events,
                             List<SetAside> setAside) {
        try {
            events.add(storable(reading.get()));
        } catch (UnusableEventException e) {
            setAside.add(new SetAside(e.reason, e.getMessage(), raw.toString()));
        }
    }

    /** Refuses keys and citizen ids the inbox cannot index or that no real sender would have. */
    private static InboxEvent storable(InboxEvent event) {
        if (event.key().length() > MAX_KEY_LENGTH) {
            throw new UnusableEventException(SetAside.Reason.ID_TOO_LONG,
                    "id of " + event.key().length() + " characters (at most " + MAX_KEY_LENGTH + ")");
        }
        if (event.citizenId() != null && event.citizenId().length() > MAX_CITIZEN_ID_LENGTH) {
            throw new UnusableEventException(SetAside.Reason.SENDER_UNUSABLE,
                    "sender of " + event.citizenId().length() + " characters");
        }
        if (hasControl(event.key()) || hasControl(event.citizenId())) {
            throw new UnusableEventException(SetAside.Reason.CONTROL_CHARACTERS, "control characters in id or sender");
        }
        return event;
    }

    private static boolean hasControl(String s) {
        return s != null && s.chars().anyMatch(Character::isISOControl);
    }

    private InboxEvent message(JsonNode message, JsonNode contacts, JsonNode metadata, Instant receivedAt) {
        String id = text(message, "id");
        if (id == null) {
            throw new UnusableEventException(SetAside.Reason.UNREADABLE, "a message without an id");
        }
        String phone = text(message, "from");
        String userId = text(message, "from_user_id");
        JsonNode contact = null;
        for (JsonNode c : contacts) {
            if ((phone != null && phone.equals(text(c, "wa_id")))
                    || (userId != null && userId.equals(text(c, "user_id")))
                    || contacts.size() == 1) {
                contact = c;
                break;
            }
        }
        if (contact != null) {
            phone = phone != null ? phone : text(contact, "wa_id");
            userId = userId != null ? userId : text(contact, "user_id");
        }
        if (phone == null && userId == null) {
            throw new UnusableEventException(SetAside.Reason.UNREADABLE, "a message that names no sender");
        }
        ObjectNode stored = json.createObjectNode();
        stored.set("message", message);
        stored.set("contact", contact == null ? json.createObjectNode() : contact);
        stored.put("phone", phone);
        stored.put("userId", userId);
        stored.put("phoneNumberId", text(metadata, "phone_number_id"));
        return new InboxEvent(id, InboxEvent.Kind.MESSAGE, phone != null ? phone : userId,
                time(message, receivedAt), stored.toString());
    }

    private InboxEvent status(JsonNode status, Instant receivedAt) {
        String id = text(status, "id");
        String state = text(status, "status");
        if (id == null || state == null) {
            throw new UnusableEventException(SetAside.Reason.UNREADABLE, "a status without id or status");
        }
        String recipient = text(status, "recipient_id");
        if (recipient == null) {
            recipient = text(status, "recipient_user_id");
        }
        return new InboxEvent(id + ":" + state, InboxEvent.Kind.STATUS, recipient, time(status, receivedAt),
                status.toString());
    }

    private InboxEvent error(JsonNode error, Instant receivedAt) {
        String text = error.toString();
        return new InboxEvent("error:" + sha256(text), InboxEvent.Kind.ERROR, null, receivedAt, text);
    }

    /**
     * The time the inbox orders by: the sender's timestamp when it is believable (not in the future, not older
     * than Meta keeps retrying), else the time we received it, so a forged or broken timestamp cannot move an
     * event ahead of everyone else's (or out of PostgreSQL's range). The raw timestamp stays in the payload.
     */
    static Instant time(JsonNode node, Instant receivedAt) {
        String seconds = text(node, "timestamp");
        if (seconds == null) {
            return receivedAt;
        }
        long epochSecond;
        try {
            epochSecond = Long.parseLong(seconds.trim());
        } catch (NumberFormatException e) {
            return receivedAt;
        }
        long now = receivedAt.getEpochSecond();
        if (epochSecond > now || epochSecond < now - BELIEVABLE_AGE.toSeconds()) {
            return receivedAt;
        }
        return Instant.ofEpochSecond(epochSecond);
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || !value.isValueNode() ? null : value.asString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One item of a readable notification that cannot become an inbox event. */
    static final class UnusableEventException extends RuntimeException {
        private final SetAside.Reason reason;

        UnusableEventException(SetAside.Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** The body is signed correctly but is not a notification we can read. */
    public static final class MalformedNotificationException extends RuntimeException {
        public MalformedNotificationException(String message) {
            super(message);
        }
    }
}
