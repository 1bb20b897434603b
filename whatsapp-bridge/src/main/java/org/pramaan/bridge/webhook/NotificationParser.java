package org.pramaan.bridge.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 */
public final class NotificationParser {

    private final ObjectMapper json;

    public NotificationParser(ObjectMapper json) {
        this.json = json;
    }

    public List<InboxEvent> parse(byte[] body, Instant receivedAt) {
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
        for (JsonNode entry : root.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                if (!"messages".equals(text(change, "field")) || !value.isObject()) {
                    continue;
                }
                JsonNode contacts = value.path("contacts");
                for (JsonNode message : value.path("messages")) {
                    events.add(message(message, contacts, value.path("metadata"), receivedAt));
                }
                for (JsonNode status : value.path("statuses")) {
                    events.add(status(status, receivedAt));
                }
                for (JsonNode error : value.path("errors")) {
                    events.add(error(error, receivedAt));
                }
            }
        }
        return events;
    }

    private InboxEvent message(JsonNode message, JsonNode contacts, JsonNode metadata, Instant receivedAt) {
        String id = text(message, "id");
        if (id == null) {
            throw new MalformedNotificationException("a message without an id");
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
            throw new MalformedNotificationException("message " + id + " names no sender");
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
            throw new MalformedNotificationException("a status without id or status");
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

    private static Instant time(JsonNode node, Instant fallback) {
        String seconds = text(node, "timestamp");
        if (seconds == null) {
            return fallback;
        }
        try {
            return Instant.ofEpochSecond(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            throw new MalformedNotificationException("timestamp is not seconds: " + seconds);
        }
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

    /** The body is signed correctly but is not a notification we can read. */
    public static final class MalformedNotificationException extends RuntimeException {
        public MalformedNotificationException(String message) {
            super(message);
        }
    }
}
