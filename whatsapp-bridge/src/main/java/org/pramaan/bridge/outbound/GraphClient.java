package org.pramaan.bridge.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.pramaan.bridge.config.WhatsAppProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The WhatsApp Cloud API over HTTP: send messages, upload media, download media. The root comes from
 * WHATSAPP_GRAPH_BASE_URL; when that is empty the bridge's own simulator answers (resolved per call because the
 * port is known only once the server runs).
 */
@Component
public class GraphClient {

    private final WhatsAppProperties properties;
    private final Environment environment;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public GraphClient(WhatsAppProperties properties, Environment environment, ObjectMapper json) {
        this.properties = properties;
        this.environment = environment;
        this.json = json;
    }

    public record Media(byte[] bytes, String mimeType) {
    }

    public String root() {
        String configured = properties.graphBaseUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            throw new GraphApiException(-1, 0, "WHATSAPP_GRAPH_BASE_URL is not set and the simulator is not running");
        }
        return "http://127.0.0.1:" + port + "/simulator/graph";
    }

    /** Sends one message; returns its wamid. */
    public String send(String recipient, OutboundMessage message) {
        ObjectNode body = (ObjectNode) json.readTree(message.payload());
        ObjectNode full = json.createObjectNode();
        full.put("messaging_product", "whatsapp");
        if (!message.isReceipt()) {
            full.put("recipient_type", "individual");
            full.put("to", recipient);
        }
        full.setAll(body);
        HttpRequest request = authorized(URI.create(root() + "/" + properties.phoneNumberId() + "/messages"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(full.toString())).build();
        JsonNode answer = call(request);
        if (message.isReceipt()) {
            return null;
        }
        JsonNode id = answer.path("messages").path(0).get("id");
        if (id == null) {
            throw new GraphApiException(-1, 200, "answer without messages[0].id");
        }
        return id.asString();
    }

    /** Uploads a file (multipart, messaging_product=whatsapp); returns the media id. */
    public String upload(byte[] bytes, String mimeType, String filename) {
        String boundary = "pramaan-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n\r\n"
                + "whatsapp\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n"
                + mimeType + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replace("\"", "") + "\"\r\nContent-Type: " + mimeType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = authorized(URI.create(root() + "/" + properties.phoneNumberId() + "/media"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(java.util.List.of(head, bytes, tail))).build();
        return call(request).path("id").asString();
    }

    /** Downloads an inbound media item: its metadata first, then the short-lived URL with the same token. */
    public Media download(String mediaId) {
        JsonNode meta = call(authorized(URI.create(root() + "/" + URLEncoder.encode(mediaId, StandardCharsets.UTF_8)))
                .GET().build());
        String mime = meta.path("mime_type").asString("application/octet-stream");
        long size = meta.path("file_size").asLong(0);
        if (size > limitFor(mime)) {
            throw new GraphApiException(-1, 413, "media " + mediaId + " is " + size + " bytes, over WhatsApp's limit for " + mime);
        }
        String url = meta.path("url").asString("");
        if (url.isEmpty()) {
            throw new GraphApiException(-1, 200, "media " + mediaId + " has no url");
        }
        try {
            HttpResponse<byte[]> response = http.send(authorized(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new GraphApiException(-1, response.statusCode(), "media download failed");
            }
            return new Media(response.body(), mime);
        } catch (IOException e) {
            throw new GraphApiException(-1, 0, "media download: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphApiException(-1, 0, "interrupted");
        }
    }

    /** WhatsApp's media size limits: image 5 MB, audio and video 16 MB, documents 100 MB. */
    static long limitFor(String mime) {
        long mb = 1024L * 1024;
        if (mime.startsWith("image/")) {
            return 5 * mb;
        }
        if (mime.startsWith("audio/") || mime.startsWith("video/")) {
            return 16 * mb;
        }
        return 100 * mb;
    }

    private HttpRequest.Builder authorized(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + properties.accessToken());
    }

    private JsonNode call(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GraphApiException(-1, 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphApiException(-1, 0, "interrupted");
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new GraphApiException(-1, response.statusCode(), "answer is not JSON");
        }
        JsonNode error = body == null ? null : body.get("error");
        if (response.statusCode() / 100 != 2 || error != null) {
            int code = error == null ? -1 : error.path("code").asInt(-1);
            String message = error == null ? "HTTP " + response.statusCode() : error.path("message").asString("");
            throw new GraphApiException(code, response.statusCode(), message);
        }
        return body;
    }
}
