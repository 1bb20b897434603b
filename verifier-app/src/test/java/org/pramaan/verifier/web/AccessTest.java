package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.SignedCredential;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import tools.jackson.databind.JsonNode;

/** API keys, rate limits, receipts and the published documents. */
class AccessTest extends VerifierIntegrationTest {

    @Test
    void anAdministratorIssuesAKeyThatWorksAndIsCounted() throws Exception {
        String admin = apiKeys.issue("test-admin", org.pramaan.verifier.apikey.ApiKeyRole.ADMIN, 1000).secret();

        HttpResponse<String> created = send("POST", "/api/v1/admin/api-keys", admin,
                "{\"name\":\"State Bank, Vijayawada\",\"perMinute\":50}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode key = JSON.readTree(created.body());
        String secret = key.path("key").asString();
        assertThat(secret).startsWith("pvk_");

        for (int i = 0; i < 3; i++) {
            assertThat(send("POST", "/api/v1/verify", secret, "{\"qr\":\"HELLO\"}").statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> usageOf(admin, key.path("id").asString()) == 3);
        assertThat(send("GET", "/api/v1/admin/api-keys", admin, null).body()).doesNotContain(secret);
    }

    /** Spring Security's per-filter timers (26 a request) are off: they cost about a tenth of a request's CPU. */
    @Test
    void requestsAreTimedOnceNotOncePerSecurityFilter() throws Exception {
        String admin = apiKeys.issue("metrics-reader", org.pramaan.verifier.apikey.ApiKeyRole.ADMIN, 1000).secret();
        assertThat(send("POST", "/api/v1/verify", clientKey(), "{\"qr\":\"HELLO\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> metrics = send("GET", "/actuator/metrics", admin, null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("\"http.server.requests\"").doesNotContain("spring.security.filterchains");
    }

    @Test
    void keysAreStoredOnlyAsHashes() throws Exception {
        String secret = apiKeys.issue("hash-check", org.pramaan.verifier.apikey.ApiKeyRole.CLIENT, 10).secret();
        try (var connection = dataSource.getConnection();
             var statement = connection.prepareStatement("SELECT count(*) FROM verifier.api_key WHERE key_hash = ? OR name = ?")) {
            statement.setString(1, secret);
            statement.setString(2, secret);
            var row = statement.executeQuery();
            row.next();
            assertThat(row.getInt(1)).isZero();
        }
    }

    @Test
    void aClientKeyMayNotIssueKeysAndAWrongKeyIsRefused() throws Exception {
        assertThat(send("POST", "/api/v1/admin/api-keys", clientKey(), "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(send("POST", "/api/v1/admin/api-keys", null, "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
        assertThat(send("POST", "/api/v1/verify", "pvk_wrong", "{\"qr\":\"HELLO\"}").statusCode()).isEqualTo(401);
    }

    @Test
    void aKeyOverItsRateGetsTooManyRequestsWithRetryAfter() throws Exception {
        String slow = apiKeys.issue("slow-client", org.pramaan.verifier.apikey.ApiKeyRole.CLIENT, 3).secret();
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = send("POST", "/api/v1/verify", slow, "{\"qr\":\"HELLO\"}");
        }
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    void anAnonymousAddressOverItsRateGetsTooManyRequests() throws Exception {
        // From 127.0.0.2, so the other tests' anonymous allowance (127.0.0.1) is untouched.
        // The refused answer itself must say when to come back: a later request may already find a
        // refilled token (the allowance refills continuously), so the header is read from the 429.
        Map<String, String> answer = Map.of("status", "");
        for (int i = 0; i < 260 && !answer.get("status").startsWith("HTTP/1.1 429"); i++) {
            answer = rawGetFrom("127.0.0.2", "/C/NOTACREDENTIAL");
        }
        assertThat(answer.get("status")).startsWith("HTTP/1.1 429");
        assertThat(answer).containsKey("retry-after");
    }

    @Test
    void aReceiptIsSignedByThePublishedKey() throws Exception {
        SignedCredential credential = revenue().issue("Receipt Holder");
        String body = JSON.writeValueAsString(Map.of("qr", revenue().url(credential), "receipt", true));

        JsonNode answer = JSON.readTree(postJson("/api/v1/verify", body, "en").body());
        String[] jws = answer.path("receipt").asString().split("\\.");
        JsonNode jwk = JSON.readTree(send("GET", "/api/v1/receipts/keys", null, null).body()).path("keys").get(0);

        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initVerify(publicKey(jwk));
        signature.update((jws[0] + "." + jws[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(signature.verify(Base64.getUrlDecoder().decode(jws[2]))).isTrue();
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jws[1]));
        assertThat(claims.path("status").asString()).isEqualTo("VALID");
        assertThat(claims.path("certificateId").asString()).isEqualTo(credential.claims().certificateId().toString());
        assertThat(JSON.readTree(Base64.getUrlDecoder().decode(jws[0])).path("kid").asString())
                .isEqualTo(jwk.path("kid").asString());
    }

    @Test
    void theOpenApiDocumentDescribesTheVerifyApi() throws Exception {
        HttpResponse<String> response = send("GET", "/v3/api-docs", null, null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("/api/v1/verify", "/api/v1/verify/image", "/api/v1/verify/batch");
    }

    @Test
    void healthIsPublicAndMetricsAreForAdministrators() throws Exception {
        assertThat(send("GET", "/actuator/health/readiness", null, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        String admin = apiKeys.issue("metrics-admin", org.pramaan.verifier.apikey.ApiKeyRole.ADMIN, 100).secret();
        assertThat(send("GET", "/actuator/prometheus", admin, null).body()).contains("verifier_verifications");
    }

    @Test
    void infoSaysWhichCryptoProviderVerifies() throws Exception {
        JsonNode crypto = JSON.readTree(send("GET", "/actuator/info", null, null).body()).path("crypto");
        org.pramaan.credential.CryptoProvider active = org.pramaan.credential.CryptoProvider.active();
        assertThat(crypto.path("provider").asString()).isEqualTo(active.provider().getName());
        assertThat(crypto.path("native").asBoolean()).isEqualTo(active.isNative());
        assertThat(crypto.path("description").asString()).isEqualTo(active.description());
    }

    private long usageOf(String admin, String id) throws Exception {
        for (JsonNode key : JSON.readTree(send("GET", "/api/v1/admin/api-keys", admin, null).body()).path("keys")) {
            if (key.path("id").asString().equals(id)) {
                return key.path("usageCount").asLong();
            }
        }
        return -1;
    }

    private HttpResponse<String> send(String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        request.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET over a socket bound to {@code localAddress}: the verifier sees another client address. */
    private Map<String, String> rawGetFrom(String localAddress, String path) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            Map<String, String> head = new HashMap<>();
            head.put("status", in.readLine());
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                head.put(line.substring(0, colon).toLowerCase(java.util.Locale.ROOT), line.substring(colon + 1).strip());
            }
            return head;
        }
    }

    private static PublicKey publicKey(JsonNode jwk) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECPoint point = new ECPoint(new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("x").asString())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("y").asString())));
        return KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
    }
}
