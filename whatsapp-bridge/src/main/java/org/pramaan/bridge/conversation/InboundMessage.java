package org.pramaan.bridge.conversation;

import tools.jackson.databind.JsonNode;

/**
 * What the conversation needs from one WhatsApp message, whatever its type.
 *
 * @param text     a text body, or a media caption
 * @param replyId  the id of a chosen list row or reply button, or a template button's payload
 * @param mediaId  for image, document, audio, video and sticker
 * @param flow     for a WhatsApp Flow's answer ({@code interactive.nfm_reply}), else null
 */
public record InboundMessage(String id, String type, String text, String replyId, String mediaId, String mimeType,
        String filename, boolean voice, String emoji, FlowAnswer flow) {

    public static InboundMessage from(JsonNode m) {
        String type = text(m, "type");
        type = type == null ? "unsupported" : type;
        JsonNode body = m.path(type);
        String text = null;
        String replyId = null;
        String mediaId = null;
        String mime = null;
        String filename = null;
        String emoji = null;
        FlowAnswer flow = null;
        switch (type) {
            case "text" -> text = text(body, "body");
            case "interactive" -> {
                String kind = text(body, "type");
                if ("list_reply".equals(kind) || "button_reply".equals(kind)) {
                    replyId = text(body.path(kind), "id");
                    text = text(body.path(kind), "title");
                } else if ("nfm_reply".equals(kind)) {
                    flow = FlowAnswer.from(body.path("nfm_reply")).orElse(null);
                    type = flow == null ? "interactive_nfm_reply" : "flow";
                } else {
                    type = "interactive_" + kind; // anything newer than this code
                }
            }
            case "button" -> {
                replyId = text(body, "payload");
                text = text(body, "text");
            }
            case "image", "document", "audio", "video", "sticker" -> {
                mediaId = text(body, "id");
                mime = text(body, "mime_type");
                filename = text(body, "filename");
                text = text(body, "caption");
            }
            case "reaction" -> emoji = text(body, "emoji");
            default -> {
                // location, contacts, order, system, unsupported: nothing the conversation can use
            }
        }
        boolean voice = "audio".equals(type) && body.path("voice").asBoolean(false);
        return new InboundMessage(text(m, "id"), type, text, replyId, mediaId, mime, filename, voice, emoji, flow);
    }

    public boolean isReply() {
        return replyId != null;
    }

    public boolean isFlowAnswer() {
        return flow != null;
    }

    public boolean isText() {
        return "text".equals(type) && text != null;
    }

    /** A photo or file that might be a certificate. */
    public boolean isCertificateCandidate() {
        return mediaId != null && ("image".equals(type) || "document".equals(type));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }
}
