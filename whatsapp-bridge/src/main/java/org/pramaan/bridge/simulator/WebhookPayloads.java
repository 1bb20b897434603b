package org.pramaan.bridge.simulator;

import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds webhook notifications exactly as Meta shapes them (whatsapp-cloud-api.md), for the simulator and tests. */
public final class WebhookPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebhookPayloads() {
    }

    public static ObjectNode message(String from, String name, String id, Instant at, String type) {
        ObjectNode m = JSON.createObjectNode();
        m.put("from", from).put("id", id).put("timestamp", String.valueOf(at.getEpochSecond())).put("type", type);
        return m;
    }

    public static ObjectNode text(String from, String id, Instant at, String body) {
        ObjectNode m = message(from, null, id, at, "text");
        m.putObject("text").put("body", body);
        return m;
    }

    /** A tapped list row ("list_reply") or reply button ("button_reply"). */
    public static ObjectNode reply(String from, String id, Instant at, String kind, String replyId, String title) {
        ObjectNode m = message(from, null, id, at, "interactive");
        ObjectNode interactive = m.putObject("interactive");
        interactive.put("type", kind);
        interactive.putObject(kind).put("id", replyId).put("title", title);
        return m;
    }

    public static ObjectNode media(String from, String id, Instant at, String type, String mediaId, String mime,
            String filename) {
        ObjectNode m = message(from, null, id, at, type);
        ObjectNode media = m.putObject(type);
        media.put("id", mediaId).put("mime_type", mime).put("sha256", "sim");
        if (filename != null && "document".equals(type)) {
            media.put("filename", filename);
        }
        return m;
    }

    /** Wraps messages (and statuses) in the entry/changes/value envelope. */
    public static String envelope(String phoneNumberId, String from, String name, ObjectNode... messages) {
        ObjectNode root = JSON.createObjectNode();
        root.put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject();
        entry.put("id", "WABA-SIM");
        ObjectNode change = entry.putArray("changes").addObject();
        change.put("field", "messages");
        ObjectNode value = change.putObject("value");
        value.put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000").put("phone_number_id", phoneNumberId);
        if (from != null) {
            ObjectNode contact = value.putArray("contacts").addObject();
            contact.putObject("profile").put("name", name == null ? "Citizen" : name);
            contact.put("wa_id", from);
        }
        var array = value.putArray("messages");
        var statuses = value.putArray("statuses");
        for (ObjectNode m : messages) {
            if (m.has("status") && m.has("recipient_id")) {
                statuses.add(m);
            } else {
                array.add(m);
            }
        }
        if (statuses.isEmpty()) {
            value.remove("statuses");
        }
        if (array.isEmpty()) {
            value.remove("messages");
        }
        return root.toString();
    }

    public static ObjectNode status(String wamid, String status, String recipient, Instant at, Integer errorCode) {
        ObjectNode s = JSON.createObjectNode();
        s.put("id", wamid).put("status", status).put("timestamp", String.valueOf(at.getEpochSecond()))
                .put("recipient_id", recipient);
        if (errorCode != null) {
            s.putArray("errors").addObject().put("code", errorCode).put("title", "error " + errorCode);
        }
        return s;
    }
}
