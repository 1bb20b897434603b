package org.pramaan.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private final WebhookSignature signature = new WebhookSignature("secret");

    @Test
    void matchesTheKnownHmacOfTheRawBytes() {
        // HMAC-SHA256("secret", "hello") computed independently (openssl dgst -sha256 -hmac secret)
        byte[] body = "hello".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.sign(body))
                .isEqualTo("sha256=88aab3ede8d3adf94d26ab90d3bafd4a2083070c3bcce9c014ee04a443847c0b");
        assertThat(signature.matches(body, signature.sign(body))).isTrue();
        assertThat(signature.matches(body, signature.sign(body).toUpperCase().replace("SHA256=", "sha256="))).isTrue();
    }

    @Test
    void refusesMissingMalformedOrWrongSignatures() {
        byte[] body = "{\"a\":\"ఆ@\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.matches(body, null)).isFalse();
        assertThat(signature.matches(body, "")).isFalse();
        assertThat(signature.matches(body, "sha1=abc")).isFalse();
        assertThat(signature.matches(body, "sha256=zz")).isFalse();
        assertThat(signature.matches(body, new WebhookSignature("other").sign(body))).isFalse();
        // Escaped re-serialisation of the same JSON is different bytes and must not match
        byte[] escaped = "{\"a\":\"\\u0c06\\u0040\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(signature.matches(escaped, signature.sign(body))).isFalse();
    }
}
