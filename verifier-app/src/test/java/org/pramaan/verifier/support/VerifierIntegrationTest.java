package org.pramaan.verifier.support;

import org.springframework.context.annotation.Import;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.pramaan.credential.SignedCredential;
import org.pramaan.network.DevNetwork;
import org.pramaan.verifier.apikey.ApiKeyRole;
import org.pramaan.verifier.apikey.ApiKeys;
import org.pramaan.verifier.trust.TrustedIssuers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole service on a random loopback port, on an embedded PostgreSQL and the development Fabric
 * network (peer in this JVM, chaincode jar as a service), and a Revenue department issuing into the
 * same ledger through its own Fabric identity. All integration tests share this one context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FaultyController.class)
public abstract class VerifierIntegrationTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    /** The same mapper, for helpers outside the test hierarchy (property generators). */
    public static final JsonMapper JSON_MAPPER = JSON;
    /** issuer-service's catalog endpoint, for field labels; one for the shared context, never stopped. */
    protected static final CatalogStub ISSUER_CATALOG = CatalogStub.start();
    private static DepartmentIssuer revenue;
    private static String clientKey;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    protected int port;
    @Autowired
    protected DataSource dataSource;
    @Autowired
    protected TrustedIssuers trustedIssuers;
    @Autowired
    protected ApiKeys apiKeys;

    @DynamicPropertySource
    static void issuerCatalog(DynamicPropertyRegistry registry) {
        registry.add("verifier.catalog.issuer-base-url", ISSUER_CATALOG::baseUrl);
        registry.add("verifier.ledger", () -> DevNetwork.shared().connectionFile().toString());
    }

    /** The Revenue department, registered on the ledger and trusted by the verifier. */
    protected synchronized DepartmentIssuer revenue() {
        if (revenue == null) {
            revenue = DepartmentIssuer.open(dataSource, Path.of("target/test-home"), "REV", "Revenue Department");
            // The IssuerChanged events make the verifier re-read the trust list on its own.
            await().atMost(Duration.ofSeconds(10)).until(() -> trustedIssuers.current().department("REV").isPresent()
                    && !trustedIssuers.current().trustList().signers().isEmpty());
        }
        return revenue;
    }

    /** A client API key with a high limit, so tests do not spend the anonymous allowance. */
    protected synchronized String clientKey() {
        if (clientKey == null) {
            clientKey = apiKeys.issue("integration-tests", ApiKeyRole.CLIENT, 100_000).secret();
        }
        return clientKey;
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected HttpResponse<String> postJson(String path, String body, String language) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .header("X-Api-Key", clientKey())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A multipart upload of one {@code file} part to {@code path}; {@code apiKey} null for an anonymous
     * caller. Answers within {@code timeout} or fails.
     */
    protected HttpResponse<String> uploadFile(String path, String name, String type, byte[] content, String apiKey,
                                              Duration timeout) throws IOException, InterruptedException {
        String boundary = "pramaan" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(timeout)
                .header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (apiKey != null) {
            request.header("X-Api-Key", apiKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected JsonNode verify(String qr) throws IOException, InterruptedException {
        HttpResponse<String> response = postJson("/api/v1/verify", JSON.writeValueAsString(java.util.Map.of("qr", qr)), "en");
        if (response.statusCode() != 200) {
            throw new AssertionError("verify answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    protected JsonNode verify(SignedCredential credential) throws IOException, InterruptedException {
        return verify(revenue().url(credential));
    }
}
