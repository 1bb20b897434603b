package org.pramaan.bridge.issuer;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.pramaan.bridge.config.IssuerProperties;
import org.pramaan.service.correlation.Correlation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** issuer-service's applications and certificates API as the bridge uses it (interfaces.md). */
@Component
public class IssuerClient {

    private final IssuerProperties properties;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // Reads are safe to repeat; a network blip should not cost the citizen an error message.
    private final RetryPolicy<HttpResponse<byte[]>> readRetry = RetryPolicy.<HttpResponse<byte[]>>builder()
            .handle(IOException.class).handleResultIf(r -> r.statusCode() >= 500)
            .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2)).withMaxRetries(3).build();

    public IssuerClient(IssuerProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /** A form to submit; {@code correlationId} (may be null) goes as {@value Correlation#HEADER}. */
    public record Submission(String serviceCode, String phoneNumber, String language, Map<String, String> fields,
            String channelReference, String correlationId) {
    }

    public record Submitted(String id, String status, String serviceLevelDue) {
    }

    public record FieldError(String field, String reason) {
    }

    public record Application(String id, String status, String serviceCode, String submittedAt, String decidedAt,
            String rejectionReason, String certificateId) {

        /** When it was submitted, or null when the issuer did not say. */
        public Instant submitted() {
            return instant(submittedAt);
        }
    }

    /**
     * A certificate as the issuer lists it: its status as the ledger was told (ISSUED, ANCHORED, REVOKED), the
     * revocation's code, the hold's code while the department checks it, and the certificate that replaced it.
     */
    public record Certificate(String id, String serviceCode, String status, String issuedAt, String validUntil,
            String revocationCode, String holdCode, String replacedBy) {

        /** When it was issued, or null when the issuer did not say. */
        public Instant issued() {
            return instant(issuedAt);
        }

        /** When it stops being valid, or null when it never does (or the issuer did not say). */
        public Instant validTill() {
            return instant(validUntil);
        }
    }

    /** The issuer's timestamps are ISO-8601 instants (architecture.md); anything else counts as not given. */
    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Thrown for 422: the issuer refused some fields, with reasons in the applicant's language. */
    public static final class Rejected extends IssuerException {
        private final List<FieldError> errors;

        public Rejected(List<FieldError> errors) {
            super("issuer refused fields " + errors);
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    public Submitted submit(Submission submission) {
        ObjectNode body = json.createObjectNode();
        body.put("serviceCode", submission.serviceCode())
                .put("phoneNumber", submission.phoneNumber())
                .put("language", submission.language()).put("channelReference", submission.channelReference());
        ObjectNode fields = body.putObject("fields");
        submission.fields().forEach(fields::put);
        HttpRequest.Builder builder = request("/api/v1/applications").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (Correlation.valid(submission.correlationId())) {
            builder.setHeader(Correlation.HEADER, submission.correlationId());
        }
        HttpRequest request = builder.build();
        HttpResponse<byte[]> response = once(request);
        JsonNode answer = parse(response);
        if (response.statusCode() == 422) {
            List<FieldError> errors = new ArrayList<>();
            for (JsonNode e : answer.path("errors")) {
                errors.add(new FieldError(e.path("field").asString(""), e.path("reason").asString("")));
            }
            throw new Rejected(errors);
        }
        expect(response, 201, 200);
        return new Submitted(answer.path("id").asString(""), answer.path("status").asString(""),
                text(answer, "serviceLevelDue"));
    }

    public List<Application> applications(String phoneNumber) {
        HttpResponse<byte[]> response = read("/api/v1/applications?phoneNumber=" + encode(phoneNumber));
        expect(response, 200);
        List<Application> list = new ArrayList<>();
        for (JsonNode a : items(parse(response), "applications")) {
            list.add(new Application(text(a, "id"), text(a, "status"), text(a, "serviceCode"),
                    text(a, "submittedAt"), text(a, "decidedAt"), text(a, "rejectionReason"),
                    text(a, "certificateId")));
        }
        return list;
    }

    public List<Certificate> certificates(String phoneNumber) {
        HttpResponse<byte[]> response = read("/api/v1/certificates?phoneNumber=" + encode(phoneNumber));
        expect(response, 200);
        List<Certificate> list = new ArrayList<>();
        for (JsonNode c : items(parse(response), "certificates")) {
            list.add(new Certificate(text(c, "id"), text(c, "serviceCode"), text(c, "status"),
                    text(c, "issuedAt"), text(c, "validUntil"), text(c, "revocationCode"), text(c, "holdCode"),
                    text(c, "replacedBy")));
        }
        return list;
    }

    /** Downloads a certificate PDF; accepts the absolute URL from a delivery or a path on the issuer. */
    public byte[] pdf(String urlOrPath) {
        String path = urlOrPath.startsWith("http") ? urlOrPath : properties.baseUrl() + urlOrPath;
        HttpResponse<byte[]> response = Failsafe.with(readRetry).get(() -> http.send(
                authorized(HttpRequest.newBuilder(URI.create(path))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray()));
        expect(response, 200);
        return response.body();
    }

    public String pdfPath(String certificateId) {
        return properties.baseUrl() + "/api/v1/certificates/" + encode(certificateId) + "/pdf";
    }

    private HttpResponse<byte[]> read(String path) {
        HttpRequest request = request(path).GET().build();
        return Failsafe.with(readRetry).get(() -> http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private HttpResponse<byte[]> once(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IssuerException("issuer-service unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuerException("interrupted", e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return authorized(HttpRequest.newBuilder(URI.create(properties.baseUrl() + path)));
    }

    /** Authenticated, and marked with the current correlation id so the issuer logs the call under it too. */
    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        Correlation.current().ifPresent(id -> builder.setHeader(Correlation.HEADER, id));
        return builder.timeout(Duration.ofSeconds(20)).header("Authorization", basic());
    }

    private String basic() {
        String secret = properties.clientSecret() == null ? "" : properties.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(
                (properties.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode parse(HttpResponse<byte[]> response) {
        try {
            JsonNode node = json.readTree(response.body());
            return node == null ? json.createObjectNode() : node;
        } catch (RuntimeException e) {
            throw new IssuerException("issuer-service answered HTTP " + response.statusCode() + " without JSON");
        }
    }

    private static void expect(HttpResponse<?> response, int... ok) {
        for (int code : ok) {
            if (response.statusCode() == code) {
                return;
            }
        }
        throw new IssuerException("issuer-service answered HTTP " + response.statusCode() + " for "
                + response.request().uri().getPath());
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }

    /** The documented wrapper object, e.g. {@code {"applications":[...]}}. */
    private static Iterable<JsonNode> items(JsonNode answer, String wrapper) {
        return answer.path(wrapper).values();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
