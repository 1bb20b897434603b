package org.pramaan.bridge.outbound;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds outbound messages and refuses any that break a WhatsApp Cloud API limit, so a bad message fails in our
 * tests instead of at Meta. Catalog texts are shortened with {@link #fit} before they get here.
 */
public final class Replies {

    public static final int TEXT_MAX = 4096;
    public static final int INTERACTIVE_BODY_MAX = 1024;
    public static final int FOOTER_MAX = 60;
    public static final int LIST_BUTTON_MAX = 20;
    public static final int ROW_ID_MAX = 200;
    public static final int ROW_TITLE_MAX = 24;
    public static final int ROW_DESCRIPTION_MAX = 72;
    public static final int ROWS_MAX = 10;
    public static final int SECTIONS_MAX = 10;
    public static final int BUTTONS_MAX = 3;
    public static final int BUTTON_TITLE_MAX = 20;
    public static final int CAPTION_MAX = 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Replies() {
    }

    public record Button(String id, String title) {
    }

    public record Row(String id, String title, String description) {
    }

    public record Section(String title, List<Row> rows) {
    }

    public static OutboundMessage text(String body) {
        require(body != null && !body.isBlank(), "text body is empty");
        require(body.length() <= TEXT_MAX, "text body over " + TEXT_MAX + " characters");
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "text");
        node.putObject("text").put("body", body).put("preview_url", false);
        return new OutboundMessage("text", node.toString());
    }

    public static OutboundMessage buttons(String body, List<Button> buttons) {
        requireBody(body);
        require(!buttons.isEmpty() && buttons.size() <= BUTTONS_MAX, "1 to 3 reply buttons");
        Set<String> titles = new HashSet<>();
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "interactive");
        ObjectNode interactive = node.putObject("interactive");
        interactive.put("type", "button");
        interactive.putObject("body").put("text", body);
        ArrayNode array = interactive.putObject("action").putArray("buttons");
        for (Button b : buttons) {
            require(b.title().length() <= BUTTON_TITLE_MAX, "button title over 20 characters: " + b.title());
            require(titles.add(b.title()), "button titles must be unique: " + b.title());
            require(b.id().length() <= ROW_ID_MAX, "button id too long");
            ObjectNode reply = array.addObject();
            reply.put("type", "reply");
            reply.putObject("reply").put("id", b.id()).put("title", b.title());
        }
        return new OutboundMessage("interactive", node.toString());
    }

    public static OutboundMessage list(String body, String buttonLabel, String footer, List<Section> sections) {
        requireBody(body);
        require(buttonLabel.length() <= LIST_BUTTON_MAX, "list button over 20 characters: " + buttonLabel);
        require(footer == null || footer.length() <= FOOTER_MAX, "footer over 60 characters");
        require(!sections.isEmpty() && sections.size() <= SECTIONS_MAX, "1 to 10 sections");
        int rows = sections.stream().mapToInt(s -> s.rows().size()).sum();
        require(rows >= 1 && rows <= ROWS_MAX, "1 to 10 rows in all, got " + rows);
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "interactive");
        ObjectNode interactive = node.putObject("interactive");
        interactive.put("type", "list");
        interactive.putObject("body").put("text", body);
        if (footer != null) {
            interactive.putObject("footer").put("text", footer);
        }
        ObjectNode action = interactive.putObject("action");
        action.put("button", buttonLabel);
        ArrayNode sectionArray = action.putArray("sections");
        for (Section s : sections) {
            ObjectNode section = sectionArray.addObject();
            require(s.title() == null || s.title().length() <= ROW_TITLE_MAX, "section title over 24 characters");
            if (s.title() != null) {
                section.put("title", s.title());
            }
            ArrayNode rowArray = section.putArray("rows");
            for (Row r : s.rows()) {
                require(r.id().length() <= ROW_ID_MAX, "row id over 200 characters");
                require(r.title().length() <= ROW_TITLE_MAX, "row title over 24 characters: " + r.title());
                require(r.description() == null || r.description().length() <= ROW_DESCRIPTION_MAX,
                        "row description over 72 characters: " + r.description());
                ObjectNode row = rowArray.addObject().put("id", r.id()).put("title", r.title());
                if (r.description() != null) {
                    row.put("description", r.description());
                }
            }
        }
        return new OutboundMessage("interactive", node.toString());
    }

    /** A certificate PDF still to be fetched from the issuer and uploaded when its turn comes. */
    public static OutboundMessage issuerDocument(String pdfUrl, String filename, String caption) {
        require(caption.length() <= CAPTION_MAX, "caption over 1024 characters");
        ObjectNode node = JSON.createObjectNode();
        node.put("pdfUrl", pdfUrl).put("filename", filename).put("caption", caption);
        return new OutboundMessage("issuer_document", node.toString());
    }

    public static OutboundMessage document(String mediaId, String filename, String caption) {
        require(caption.length() <= CAPTION_MAX, "caption over 1024 characters");
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "document");
        node.putObject("document").put("id", mediaId).put("filename", filename).put("caption", caption);
        return new OutboundMessage("document", node.toString());
    }

    /** An approved template: the only message allowed outside the 24-hour window. */
    public static OutboundMessage template(String name, String languageCode, List<String> bodyParameters) {
        ObjectNode node = JSON.createObjectNode();
        node.put("type", "template");
        ObjectNode template = node.putObject("template");
        template.put("name", name);
        template.putObject("language").put("code", languageCode);
        ArrayNode components = template.putArray("components");
        if (!bodyParameters.isEmpty()) {
            ObjectNode body = components.addObject();
            body.put("type", "body");
            ArrayNode params = body.putArray("parameters");
            bodyParameters.forEach(p -> params.addObject().put("type", "text").put("text", p));
        }
        return new OutboundMessage("template", node.toString());
    }

    /** Marks the citizen's message read and shows "typing…" while we work on the answer. */
    public static OutboundMessage readAndTyping(String messageId) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", "read").put("message_id", messageId);
        node.putObject("typing_indicator").put("type", "text");
        return new OutboundMessage("read", node.toString());
    }

    /** Shortens catalog text to a limit, marking the cut with an ellipsis. */
    public static String fit(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.length() <= max) {
            return t;
        }
        int cut = max - 1;
        if (Character.isHighSurrogate(t.charAt(cut - 1))) {
            cut--;
        }
        return t.substring(0, cut).stripTrailing() + "…";
    }

    private static void requireBody(String body) {
        require(body != null && !body.isBlank(), "interactive body is empty");
        require(body.length() <= INTERACTIVE_BODY_MAX, "interactive body over 1024 characters");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
