package org.pramaan.bridge.journey;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A recording stand-in for Meta's Graph API on 127.0.0.1 with the documented shapes
 * ({@code POST /<version>/<phone-number-id>/messages}, {@code POST /<version>/<phone-number-id>/media} multipart,
 * {@code GET /<version>/<media-id>} and the download URL it names). It keeps what the bridge sent, including the
 * bytes of uploaded documents, so the test can read the certificate PDF the citizen received.
 */
final class GraphStandIn implements AutoCloseable {

    static final String VERSION = "v23.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern MESSAGES = Pattern.compile("^/" + VERSION + "/([0-9]+)/messages$");
    private static final Pattern MEDIA = Pattern.compile("^/" + VERSION + "/([0-9]+)/media$");
    private static final Pattern MEDIA_INFO = Pattern.compile("^/" + VERSION + "/([0-9]+)$");
    private static final Pattern DOWNLOAD = Pattern.compile("^/download/([0-9]+)$");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

    /** A message the bridge sent to a citizen, in arrival order. */
    record Sent(long seq, String to, JsonNode body) {
    }

    record Media(String id, String mimeType, String filename, byte[] bytes) {
    }

    private final HttpServer server;
    private final String phoneNumberId;
    private final String accessToken;
    private final AtomicLong sequence = new AtomicLong();
    private final List<Sent> sent = new ArrayList<>();
    private final Map<String, Media> media = new ConcurrentHashMap<>();
    private final List<String> refusals = new ArrayList<>();

    GraphStandIn(String phoneNumberId, String accessToken) throws IOException {
        this.phoneNumberId = phoneNumberId;
        this.accessToken = accessToken;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + VERSION;
    }

    synchronized List<JsonNode> sentTo(String phone) {
        return sent.stream().filter(s -> s.to().equals(phone)).map(Sent::body).toList();
    }

    /** How many documents the bridge sent under each file name (a certificate goes as {@code <id>.pdf}). */
    synchronized Map<String, Long> documentsByFilename() {
        return sent.stream().filter(s -> "document".equals(s.body().path("type").asString("")))
                .collect(java.util.stream.Collectors.groupingBy(
                        s -> s.body().path("document").path("filename").asString(""),
                        java.util.stream.Collectors.counting()));
    }

    /** Requests refused as Meta would refuse them (bad token, wrong number id, bad shape): should stay empty. */
    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** Media a citizen's phone uploaded to Meta (a photo they send): the bridge downloads it by id. */
    String storeInbound(byte[] bytes, String mimeType) {
        String id = String.valueOf(1_000_000_000_000L + sequence.incrementAndGet());
        media.put(id, new Media(id, mimeType, null, bytes));
        return id;
    }

    Optional<Media> media(String id) {
        return Optional.ofNullable(media.get(id));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (!("Bearer " + accessToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refuse(exchange, 401, 190, "Invalid OAuth access token.");
                return;
            }
            Matcher m;
            if ("POST".equals(method) && (m = MESSAGES.matcher(path)).matches()) {
                messages(exchange, m.group(1));
            } else if ("POST".equals(method) && (m = MEDIA.matcher(path)).matches()) {
                upload(exchange, m.group(1));
            } else if ("GET".equals(method) && (m = MEDIA_INFO.matcher(path)).matches()) {
                Media found = media.get(m.group(1));
                if (found == null) {
                    refuse(exchange, 404, 100, "Object with ID '" + m.group(1) + "' does not exist.");
                } else {
                    answer(exchange, 200, JSON.createObjectNode().put("messaging_product", "whatsapp")
                            .put("id", found.id()).put("mime_type", found.mimeType())
                            .put("file_size", found.bytes().length).put("url", "http://127.0.0.1:"
                                    + server.getAddress().getPort() + "/download/" + found.id()));
                }
            } else if ("GET".equals(method) && (m = DOWNLOAD.matcher(path)).matches() && media.containsKey(m.group(1))) {
                byte[] bytes = media.get(m.group(1)).bytes();
                exchange.getResponseHeaders().set("Content-Type", media.get(m.group(1)).mimeType());
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            } else {
                refuse(exchange, 400, 100, "Unsupported " + method + " request: " + path);
            }
        }
    }

    private void messages(HttpExchange exchange, String numberId) throws IOException {
        if (!phoneNumberId.equals(numberId)) {
            refuse(exchange, 400, 100, "Object with ID '" + numberId + "' does not exist.");
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (!"whatsapp".equals(body.path("messaging_product").asString(""))) {
            refuse(exchange, 400, 100, "(#100) The parameter messaging_product is required.");
            return;
        }
        if ("read".equals(body.path("status").asString(""))) {
            answer(exchange, 200, JSON.createObjectNode().put("success", true));
            return;
        }
        String to = body.path("to").asString("");
        if (to.isEmpty() || body.path("type").asString("").isEmpty()) {
            refuse(exchange, 400, 100, "(#100) The parameters to and type are required.");
            return;
        }
        String wamid = "wamid.GRAPH" + UUID.randomUUID().toString().replace("-", "");
        synchronized (this) {
            sent.add(new Sent(sequence.incrementAndGet(), to, body));
        }
        ObjectNode answer = JSON.createObjectNode().put("messaging_product", "whatsapp");
        answer.putArray("contacts").addObject().put("input", to).put("wa_id", to);
        answer.putArray("messages").addObject().put("id", wamid);
        answer(exchange, 200, answer);
    }

    private void upload(HttpExchange exchange, String numberId) throws IOException {
        if (!phoneNumberId.equals(numberId)) {
            refuse(exchange, 400, 100, "Object with ID '" + numberId + "' does not exist.");
            return;
        }
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        Matcher boundary = BOUNDARY.matcher(contentType);
        if (!contentType.startsWith("multipart/form-data") || !boundary.find()) {
            refuse(exchange, 400, 100, "media upload must be multipart/form-data");
            return;
        }
        Map<String, Part> parts = Part.parse(exchange.getRequestBody().readAllBytes(), boundary.group(1));
        Part file = parts.get("file");
        Part product = parts.get("messaging_product");
        if (file == null || product == null || !"whatsapp".equals(product.text())) {
            refuse(exchange, 400, 100, "(#100) The parameters file and messaging_product are required.");
            return;
        }
        String id = String.valueOf(1_000_000_000_000L + sequence.incrementAndGet());
        media.put(id, new Media(id, file.contentType(), file.filename(), file.bytes()));
        answer(exchange, 200, JSON.createObjectNode().put("id", id));
    }

    private void refuse(HttpExchange exchange, int status, int code, String message) throws IOException {
        synchronized (this) {
            refusals.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + ": " + message);
        }
        ObjectNode error = JSON.createObjectNode();
        error.putObject("error").put("message", message).put("type", "OAuthException").put("code", code)
                .put("fbtrace_id", "JOURNEY");
        answer(exchange, status, error);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    /** One part of a multipart/form-data body. */
    record Part(String name, String filename, String contentType, byte[] bytes) {

        String text() {
            return new String(bytes, StandardCharsets.UTF_8).strip();
        }

        static Map<String, Part> parse(byte[] body, String boundary) {
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
            Map<String, Part> parts = new ConcurrentHashMap<>();
            int start = indexOf(body, delimiter, 0);
            while (start >= 0) {
                int headersStart = start + delimiter.length + 2; // past CRLF (or "--" at the end)
                int next = indexOf(body, delimiter, headersStart);
                if (next < 0) {
                    break;
                }
                int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
                if (headersEnd < 0 || headersEnd > next) {
                    break;
                }
                String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
                byte[] content = Arrays.copyOfRange(body, headersEnd + 4, next - 2); // minus the CRLF before "--"
                String name = header(headers, "(?:^|[;\\s])name=\"([^\"]*)\"");
                if (name != null) {
                    parts.put(name, new Part(name, header(headers, "filename=\"([^\"]*)\""),
                            Optional.ofNullable(header(headers, "(?i)Content-Type:\\s*([^\\r\\n]+)"))
                                    .orElse("text/plain"), content));
                }
                start = next;
            }
            return parts;
        }

        private static String header(String headers, String regex) {
            Matcher m = Pattern.compile(regex).matcher(headers);
            return m.find() ? m.group(1).strip() : null;
        }

        private static int indexOf(byte[] haystack, byte[] needle, int from) {
            outer:
            for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
