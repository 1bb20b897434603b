package org.pramaan.verifier.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pramaan.verifier.support.VerifierIntegrationTest;

/**
 * Finding 5: a malformed QR answered with a Java exception class name in {@code reason}. Answers say
 * what a person can act on and never show the implementation.
 */
class PublicAnswersTest extends VerifierIntegrationTest {

    @Test
    void aMalformedQrSaysWhatIsWrongInWords() throws Exception {
        HttpResponse<String> answer = postJson("/api/v1/verify", "{\"qr\":\"https://verify.example/C/not base32!\"}", "en");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("reason").asString())
                .startsWith("the QR text is not a Pramaan credential: ");
        assertNoInternals(answer.body());
    }

    @Test
    void malformedJsonOfEveryKindShowsNoInternals() throws Exception {
        for (String body : List.of("{\"qr\":\"!!!\"}", "{\"qr\":\"ABCDEFGH\"}", "{\"qr\":\"/C/\"}", "{\"qr\":12}",
                "{\"qr\":{}}", "{\"qr\":[1]}", "[", "{\"qr\":\"x\",\"receipt\":\"maybe\"}", "null", "\"text\"",
                "{\"qr\":\"" + "A".repeat(5000) + "\"}", "{\"qr\":\"\\ud800\"}")) {
            assertNoInternals(postJson("/api/v1/verify", body, "en").body());
        }
        for (String body : List.of("{\"qrs\":\"x\"}", "{\"qrs\":[{}]}", "{\"qrs\":[null,\"!!\"]}", "{\"qrs\":[]}", "{")) {
            assertNoInternals(postJson("/api/v1/verify/batch", body, "en").body());
        }
    }

    @Test
    void malformedUploadsShowNoInternals() throws Exception {
        byte[] truncatedPng = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13,
                'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 0}, 40);
        byte[] truncatedJpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0};
        byte[] brokenPdf = "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
                .getBytes(StandardCharsets.US_ASCII);
        for (byte[] file : List.of(truncatedPng, truncatedJpeg, brokenPdf, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            HttpResponse<String> answer = uploadFile("/api/v1/verify/image", "file.bin", "application/octet-stream", file,
                    clientKey(), Duration.ofSeconds(30));
            assertThat(answer.statusCode()).isLessThan(500);
            assertNoInternals(answer.body());
        }
        HttpResponse<String> badParameter = http.send(HttpRequest.newBuilder(uri("/api/v1/verify/image?receipt=maybe"))
                .header("X-Api-Key", clientKey())
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"file\"; "
                        + "filename=\"a.png\"\r\n\r\nxyz\r\n--b--\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(badParameter.statusCode()).isEqualTo(400);
        assertNoInternals(badParameter.body());
    }

    static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("java.").doesNotContain("com.")
                .doesNotContain("org.").doesNotContain("tools.jackson");
    }
}
