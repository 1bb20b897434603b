package org.pramaan.bridge.verifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.pramaan.bridge.citizen.Language;
import org.pramaan.bridge.config.VerifierProperties;
import org.pramaan.service.correlation.Correlation;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** verifier-app's verification API (interfaces.md): a QR text, or an image or PDF of the certificate. */
@Component
public class VerifierClient {

    private final VerifierProperties properties;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public VerifierClient(VerifierProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    /** The verdict and the facts worth telling the citizen. */
    public record Verdict(String status, String message, String certificateId, String type, String holderName,
            String department, String issuedAt, String expiresAt, String departmentCode) {
    }

    public Verdict verifyQr(String qrText, Language language) {
        String body = json.createObjectNode().put("qr", qrText).toString();
        return call(request("/api/v1/verify", language).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), language);
    }

    public Verdict verifyFile(byte[] bytes, String mimeType, String filename, Language language) {
        String boundary = "pramaan-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename.replace("\"", "") + "\"\r\nContent-Type: " + mimeType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return call(request("/api/v1/verify/image", language)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, bytes, tail))).build(), language);
    }

    private HttpRequest.Builder request(String path, Language language) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(properties.baseUrl() + path))
                .timeout(Duration.ofSeconds(20)).header("Accept-Language", language.code());
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            b.header("X-Api-Key", properties.apiKey());
        }
        Correlation.current().ifPresent(id -> b.setHeader(Correlation.HEADER, id));
        return b;
    }

    private Verdict call(HttpRequest request, Language language) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VerifierException("verifier-app unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerifierException("interrupted");
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new VerifierException("verifier-app answered HTTP " + response.statusCode() + " without JSON");
        }
        String status = text(body, "status");
        // A 4xx with a status (e.g. MALFORMED for an unreadable image) is still a verdict for the citizen.
        if (status == null) {
            throw new VerifierException("verifier-app answered HTTP " + response.statusCode() + " without a status");
        }
        JsonNode cert = body.path("certificate");
        JsonNode dept = body.path("department");
        // The department's name in the citizen's language, as the ledger's issuer record holds it.
        String department = dept.isObject() ? text(dept.path("names"), language.code()) : null;
        if (department == null && dept.isObject()) {
            department = text(dept.path("names"), "en");
        }
        String departmentCode = dept.isObject() && text(dept, "code") != null ? text(dept, "code")
                : text(cert, "department");
        return new Verdict(status, text(body, "message"), text(cert, "id"), text(cert, "type"),
                text(cert, "holderName"), department == null ? text(cert, "department") : department,
                text(cert, "issuedAt"), text(cert, "expiresAt"), departmentCode);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
    }

    /** verifier-app could not be reached or answered without a verdict. */
    public static final class VerifierException extends RuntimeException {
        public VerifierException(String message) {
            super(message);
        }
    }
}
