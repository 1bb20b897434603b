package org.pramaan.verifier.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pramaan.verifier.support.RawHttp;
import org.pramaan.verifier.support.VerifierIntegrationTest;

/**
 * Finding 3: a JSON body sent chunked (no Content-Length) slipped past the 8 MB cap and a 100 MB
 * {@code qr} was read whole. The body is counted as it is read, whatever its framing.
 */
class ChunkedBodyLimitTest extends VerifierIntegrationTest {

    private static final byte[] LETTERS = filled(64 * 1024);

    @Test
    void aChunkedBodyOverTheCapIsRefusedWith413() throws Exception {
        // {"qr":"AAAA... up to 12 MB, never closed: the cap must stop the reading long before.
        RawHttp.Answer answer = RawHttp.chunked("127.0.0.1", port, "/api/v1/verify", "application/json",
                "X-Api-Key: " + clientKey() + "\r\n", 192,
                i -> i == 0 ? "{\"qr\":\"".getBytes(StandardCharsets.US_ASCII) : LETTERS);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"too-large\"", "urn:pramaan:problem:too-large");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("8388608");
    }

    @Test
    void aSmallChunkedBodyIsAnsweredAsUsual() throws Exception {
        RawHttp.Answer answer = RawHttp.chunked("127.0.0.1", port, "/api/v1/verify", "application/json",
                "X-Api-Key: " + clientKey() + "\r\n", 2,
                i -> (i == 0 ? "{\"qr\":" : "\"HELLO\"}").getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("MALFORMED");
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'A');
        return bytes;
    }
}
