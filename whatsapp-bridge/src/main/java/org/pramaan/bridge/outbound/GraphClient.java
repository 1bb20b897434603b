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

    /** Downloads an inbound media item, up to WhatsApp's own limit for its type. */
    public Media download(String mediaId) {
        return download(mediaId, Long.MAX_VALUE, Duration.ofSeconds(30));
    }

    /**
     * Downloads an inbound media item: its metadata ({@code GET /<media id>}: url, mime_type, file_size), then the
     * short-lived URL with the same token, streamed and cut off past {@code maxBytes} whatever the metadata or
     * Content-Length claimed. A URL that has expired (Meta's live 5 minutes) is asked for again, once. The whole
     * download takes at most {@code within}.
     *
     * @throws MediaTooLargeException when the file has more than {@code maxBytes} (or WhatsApp's limit)
     * @throws GraphApiException      when the media cannot be had (gone, refused, the network)
     */
    public Media download(String mediaId, long maxBytes, Duration within) {
        java.time.Instant deadline = java.time.Instant.now().plus(within);
        for (int attempt = 1; ; attempt++) {
            JsonNode meta = call(authorized(URI.create(root() + "/" + URLEncoder.encode(mediaId,
                    StandardCharsets.UTF_8))).GET().build());
            String mime = meta.path("mime_type").asString("application/octet-stream");
            long cap = Math.min(maxBytes, limitFor(mime));
            long size = meta.path("file_size").asLong(0);
            if (size > cap) {
                throw new MediaTooLargeException(size, cap);
            }
            String url = meta.path("url").asString("");
            if (url.isEmpty()) {
                throw new GraphApiException(-1, 200, "media has no url");
            }
            Duration left = Duration.between(java.time.Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                throw new GraphApiException(-1, 0, "media download took too long");
            }
            try {
                HttpResponse<java.io.InputStream> response = http.send(authorized(URI.create(url)).timeout(left)
                        .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                try (java.io.InputStream body = response.body()) {
                    int status = response.statusCode();
                    // An expired or unknown URL: Meta answers 404 (or 401/403 for a spent signature); ask afresh once.
                    if ((status == 404 || status == 403 || status == 401 || status == 410) && attempt == 1) {
                        continue;
                    }
                    if (status != 200) {
                        throw new GraphApiException(-1, status, "media download failed");
                    }
                    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
                    if (declared > cap) {
                        throw new MediaTooLargeException(declared, cap);
                    }
                    // The request timeout ends at the headers: a body that trickles is cut off at the deadline.
                    java.util.concurrent.atomic.AtomicBoolean late = new java.util.concurrent.atomic.AtomicBoolean();
                    java.util.concurrent.CompletableFuture.delayedExecutor(Math.max(1,
                                    Duration.between(java.time.Instant.now(), deadline).toMillis()),
                            java.util.concurrent.TimeUnit.MILLISECONDS).execute(() -> {
                                late.set(true);
                                closeQuietly(body);
                            });
                    byte[] bytes;
                    try {
                        bytes = body.readNBytes((int) Math.min(cap + 1, Integer.MAX_VALUE - 8));
                    } catch (IOException e) {
                        throw late.get() ? new java.net.http.HttpTimeoutException("body too slow") : e;
                    }
                    if (late.get()) {
                        throw new GraphApiException(-1, 0, "media download took too long");
                    }
                    if (bytes.length > cap) {
                        throw new MediaTooLargeException(bytes.length, cap);
                    }
                    return new Media(bytes, mime);
                }
            } catch (java.net.http.HttpTimeoutException e) {
                throw new GraphApiException(-1, 0, "media download took too long");
            } catch (IOException e) {
                throw new GraphApiException(-1, 0, "media download: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphApiException(-1, 0, "interrupted");
            }
        }
    }

    private static void closeQuietly(java.io.InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // closing to stop a read: nothing more to do
        }
    }

    /** A media item over the size the caller takes: not downloaded further. */
    public static final class MediaTooLargeException extends RuntimeException {

        private final long limit;

        MediaTooLargeException(long size, long limit) {
            super("media of " + (size < 0 ? "unknown" : String.valueOf(size)) + "+ bytes, over the limit of " + limit);
            this.limit = limit;
        }

        public long limit() {
            return limit;
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
