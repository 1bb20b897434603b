package org.pramaan.bridge.journey;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pramaan.bridge.simulator.WebhookPayloads;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A citizen's WhatsApp as Meta would relay it: what they type or tap becomes a webhook notification signed with the
 * app secret over the raw body ({@code X-Hub-Signature-256}); what the bridge answers arrives at the Graph API
 * stand-in. Reading is positional: {@link #next()} waits for the message after the last one read.
 */
final class CitizenPhone {

    private static final Duration ANSWER = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String phone;
    private final String bridgeUrl;
    private final String appSecret;
    private final String phoneNumberId;
    private final GraphStandIn graph;
    private int read;

    CitizenPhone(String phone, String bridgeUrl, String appSecret, String phoneNumberId, GraphStandIn graph) {
        this.phone = phone;
        this.bridgeUrl = bridgeUrl;
        this.appSecret = appSecret;
        this.phoneNumberId = phoneNumberId;
        this.graph = graph;
    }

    String number() {
        return phone;
    }

    void say(String text) {
        send(WebhookPayloads.text(phone, wamid(), Instant.now(), text));
    }

    /** Taps a list row or a reply button with the given id. */
    void tap(String replyId, boolean button) {
        send(WebhookPayloads.reply(phone, wamid(), Instant.now(), button ? "button_reply" : "list_reply", replyId,
                replyId));
    }

    /** Sends a photo, uploaded to the Graph API stand-in first as WhatsApp does, then announced by the webhook. */
    void sendPhoto(byte[] jpeg) {
        String mediaId = graph.storeInbound(jpeg, "image/jpeg");
        send(WebhookPayloads.media(phone, wamid(), Instant.now(), "image", mediaId, "image/jpeg", null));
    }

    /** The next message the bridge sent to this citizen, waiting for it. */
    JsonNode next() {
        await("message " + (read + 1) + " to " + phone).atMost(ANSWER).pollInterval(Duration.ofMillis(100))
                .until(() -> graph.sentTo(phone).size() > read);
        return graph.sentTo(phone).get(read++);
    }

    /** Skips messages until one matches, waiting up to {@code deadline}; returns it. */
    JsonNode nextMatching(java.util.function.Predicate<JsonNode> wanted, String what, Duration deadline) {
        JsonNode[] found = new JsonNode[1];
        await(what).atMost(deadline).pollInterval(Duration.ofMillis(100)).until(() -> {
            List<JsonNode> all = graph.sentTo(phone);
            for (; read < all.size(); read++) {
                if (wanted.test(all.get(read))) {
                    found[0] = all.get(read++);
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    List<JsonNode> all() {
        return graph.sentTo(phone);
    }

    /** The text a person would read: a text body, an interactive body or a document caption. */
    static String bodyText(JsonNode message) {
        return switch (message.path("type").asString("")) {
            case "text" -> message.path("text").path("body").asString("");
            case "interactive" -> message.path("interactive").path("body").path("text").asString("");
            case "document" -> message.path("document").path("caption").asString("");
            default -> message.toString();
        };
    }

    /** The ids of a list's rows or of reply buttons. */
    static List<String> choices(JsonNode message) {
        JsonNode interactive = message.path("interactive");
        if ("button".equals(interactive.path("type").asString(""))) {
            return interactive.path("action").path("buttons").valueStream()
                    .map(b -> b.path("reply").path("id").asString()).toList();
        }
        return interactive.path("action").path("sections").valueStream()
                .flatMap(s -> s.path("rows").valueStream()).map(r -> r.path("id").asString()).toList();
    }

    static boolean isButtons(JsonNode message) {
        return "button".equals(message.path("interactive").path("type").asString(""));
    }

    private void send(ObjectNode message) {
        byte[] body = WebhookPayloads.envelope(phoneNumberId, phone, "Ramesh", message)
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(bridgeUrl + "/webhook"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", signature(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("the webhook answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new AssertionError("the webhook did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Meta's signature, computed here independently of the bridge's own code: HMAC-SHA256 of the raw bytes. */
    private String signature(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String wamid() {
        return "wamid.JOURNEY" + UUID.randomUUID().toString().replace("-", "");
    }
}
