package org.pramaan.bridge.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * issuer-service as interfaces.md describes it, on 127.0.0.1: the catalog (with ETag), applications (422 when the
 * income is "13", to exercise the rejection path), certificates and PDFs. Records what the bridge submitted.
 */
public final class StandInIssuer implements AutoCloseable {

    public static final String CLIENT_ID = "whatsapp-bridge";
    public static final String CLIENT_SECRET = "stand-in-secret";
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpServer server;
    private final byte[] catalog;
    public final List<JsonNode> submissions = new CopyOnWriteArrayList<>();
    /** Supporting documents uploaded, by their SHA-256 (hex). */
    public final Map<String, byte[]> uploads = new ConcurrentHashMap<>();
    /** Per upload: its Content-Type, serviceCode and document, space-separated. */
    public final Map<String, String> uploadTypes = new ConcurrentHashMap<>();
    public final Map<String, List<Map<String, String>>> certificates = new ConcurrentHashMap<>();
    /** Applications the issuer lists for a phone besides the ones submitted here (e.g. decided, with a certificate). */
    public final Map<String, List<Map<String, String>>> listedApplications = new ConcurrentHashMap<>();
    public final List<String> pdfDownloads = new CopyOnWriteArrayList<>();
    /** The X-Correlation-Id each PDF download carried, by path (absent: none). */
    public final Map<String, String> pdfCorrelationIds = new ConcurrentHashMap<>();
    /** The X-Correlation-Id each stored submission came with, by application id (absent: none was sent). */
    public final Map<String, String> correlationIds = new ConcurrentHashMap<>();
    /** Phone numbers whose applications and certificates this issuer lists only after {@link #SLOW} (issue 15). */
    public final Set<String> slowPhones = ConcurrentHashMap.newKeySet();
    /**
     * Phone numbers whose applications get a short {@code reference} (issue 13, item 5), as an issuer with the console's
     * references answers; the others get none, as an issuer without them.
     */
    public final Set<String> referencedPhones = ConcurrentHashMap.newKeySet();
    public static final String REFERENCE = "REV-7K3Q-92XM";
    public static final Duration SLOW = Duration.ofSeconds(10);
    private final java.util.concurrent.CountDownLatch closing = new java.util.concurrent.CountDownLatch(1);

    public StandInIssuer() {
        try (InputStream in = StandInIssuer.class.getResourceAsStream("/catalog.json")) {
            catalog = in.readAllBytes();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Several requests at once, as the real issuer serves them: a slow answer for one holds up no other.
        server.setExecutor(Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "stand-in-issuer");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/api/v1/catalog", this::catalog);
        server.createContext("/api/v1/applications", this::applications);
        server.createContext("/api/v1/certificates", this::certificates);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void catalog(HttpExchange ex) throws IOException {
        if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
        }
        ex.getResponseHeaders().add("ETag", "\"v1\"");
        send(ex, 200, "application/json", catalog);
    }

    private void applications(HttpExchange ex) throws IOException {
        if (!authorized(ex)) {
            send(ex, 401, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if ("POST".equals(ex.getRequestMethod()) && ex.getRequestURI().getPath().endsWith("/documents")) {
            byte[] bytes = ex.getRequestBody().readAllBytes();
            String sha;
            try {
                sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            uploads.put(sha, bytes);
            uploadTypes.put(sha, ex.getRequestHeaders().getFirst("Content-Type") + " " + query(ex, "serviceCode") + " "
                    + query(ex, "document"));
            ObjectNode answer = JSON.createObjectNode().put("document", query(ex, "document")).put("sha256", sha)
                    .put("size", bytes.length).put("mimeType", ex.getRequestHeaders().getFirst("Content-Type"));
            send(ex, 201, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        if ("POST".equals(ex.getRequestMethod())) {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            if ("13".equals(body.path("fields").path("ai").asString(""))) {
                send(ex, 422, "application/json", ("{\"errors\":[{\"field\":\"ai\",\"reason\":\"income looks wrong\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
                return;
            }
            ObjectNode stored = (ObjectNode) body.deepCopy();
            stored.put("id", UUID.randomUUID().toString()).put("submittedAt", Instant.now().toString());
            if (referencedPhones.contains(body.path("phoneNumber").asString(""))) {
                stored.put("reference", REFERENCE);
            }
            String correlation = ex.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlation != null) {
                correlationIds.put(stored.path("id").asString(), correlation);
            }
            submissions.add(stored);
            ObjectNode answer = JSON.createObjectNode().put("id", stored.path("id").asString()).put("status", "SUBMITTED")
                    .put("serviceCode", body.path("serviceCode").asString()).put("submittedAt", Instant.now().toString())
                    .put("serviceLevelDue", "2026-12-05T00:00:00Z");
            if (stored.has("reference")) {
                answer.put("reference", stored.path("reference").asString());
            }
            send(ex, 201, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8));
            return;
        }
        String phone = query(ex, "phoneNumber");
        slowFor(phone);
        ArrayNode list = JSON.createArrayNode();
        for (JsonNode s : submissions) {
            if (s.path("phoneNumber").asString("").equals(phone)) {
                list.addObject().put("id", s.path("id").asString()).put("status", "SUBMITTED")
                        .put("serviceCode", s.path("serviceCode").asString())
                        .put("submittedAt", s.path("submittedAt").asString()).putNull("decidedAt").putNull("rejectionReason")
                        .putNull("certificateId");
                if (s.has("reference")) {
                    ((ObjectNode) list.get(list.size() - 1)).put("reference", s.path("reference").asString());
                }
            }
        }
        for (Map<String, String> a : listedApplications.getOrDefault(phone, List.of())) {
            ObjectNode node = list.addObject();
            a.forEach(node::put);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("applications", list);
        send(ex, 200, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void certificates(HttpExchange ex) throws IOException {
        if (!authorized(ex)) {
            send(ex, 401, "application/json", "{}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String path = ex.getRequestURI().getPath();
        if (path.endsWith("/pdf")) {
            pdfDownloads.add(path);
            String correlation = ex.getRequestHeaders().getFirst("X-Correlation-Id");
            if (correlation != null) {
                pdfCorrelationIds.put(path, correlation);
            }
            send(ex, 200, "application/pdf", PDF);
            return;
        }
        slowFor(query(ex, "phoneNumber"));
        ArrayNode list = JSON.createArrayNode();
        for (Map<String, String> c : certificates.getOrDefault(query(ex, "phoneNumber"), List.of())) {
            ObjectNode node = list.addObject();
            c.forEach(node::put);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.set("certificates", list);
        send(ex, 200, "application/json", answer.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void slowFor(String phone) {
        if (slowPhones.contains(phone)) {
            try {
                // The slow issuer this stand-in plays: it answers late, or at once when it closes.
                closing.await(SLOW.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean authorized(HttpExchange ex) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(ex.getRequestHeaders().getFirst("Authorization"));
    }

    private static String query(HttpExchange ex, String name) {
        String q = ex.getRequestURI().getQuery();
        if (q == null) {
            return "";
        }
        for (String part : q.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return "";
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
        ex.close();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
