package org.pramaan.issuer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the service's API, signed in one way or another. */
public final class ApiClient {

    /** An answer: status, body text, body as JSON when it is JSON, and the headers. */
    public record Answer(int status, String body, byte[] bytes, String contentType, HttpHeaders headers) {
        public JsonNode json() {
            return MAPPER.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String headerName;
    private final Supplier<String> headerValue;

    private ApiClient(int port, String headerName, String headerValue) {
        this(port, headerName, () -> headerValue);
    }

    private ApiClient(int port, String headerName, Supplier<String> headerValue) {
        this.port = port;
        this.headerName = headerName;
        this.headerValue = headerValue;
    }

    /**
     * HTTP Basic: a machine client's id and secret on any call, or an officer's password at the token door
     * ({@code POST /api/v1/auth/token}) only; the rest of the API refuses an officer's Basic.
     */
    public static ApiClient basic(int port, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new ApiClient(port, "Authorization", "Basic " + token);
    }

    /**
     * An officer or admin as a program signs them in: the password traded once for a token at the token door (kept
     * per service and officer, and taken again shortly before it expires), the token sent as a bearer on every call.
     */
    public static ApiClient officer(int port, String user, String password) {
        return new ApiClient(port, "Authorization", () -> "Bearer " + OfficerTokenCache.token(port, user, password));
    }

    public static ApiClient apiKey(int port, String key) {
        return new ApiClient(port, "X-Api-Key", key);
    }

    /** An officer's API token from {@code POST /api/v1/auth/token}, or any bearer value. */
    public static ApiClient bearer(int port, String token) {
        return new ApiClient(port, "Authorization", "Bearer " + token);
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null, (String) null);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer get(String path, String headerName, String headerValue) {
        return send(request(path).header(headerName, headerValue).GET());
    }

    public Answer post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))));
    }

    public Answer post(String path, Object body, String headerName, String headerValue) {
        return send(request(path).header(headerName, headerValue).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(body))));
    }

    /** A raw body, e.g. a document upload. */
    public Answer postBytes(String path, byte[] body, String contentType) {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headerName != null) {
            b.header(headerName, headerValue.get());
        }
        return b;
    }

    private static Answer send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> r = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), new String(r.body(), StandardCharsets.UTF_8), r.body(),
                    r.headers().firstValue("Content-Type").orElse(""), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
