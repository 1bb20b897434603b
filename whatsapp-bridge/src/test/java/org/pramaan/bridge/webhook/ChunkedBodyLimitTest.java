package org.pramaan.bridge.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;
import org.pramaan.bridge.support.RawHttp;

/**
 * A webhook body streamed chunked (no Content-Length to refuse up front): Meta's notifications are small, so
 * anything past BRIDGE_MAX_BODY_BYTES is refused as it is read, whoever sends it and whatever it claims to be.
 */
class ChunkedBodyLimitTest extends BridgeIntegrationTest {

    private static final byte[] LETTERS = filled(64 * 1024);

    @Test
    void aChunkedWebhookOverTheCapIsRefusedWith413AndNothingIsStored() throws Exception {
        Long before = inbox();
        // 96 chunks of 64 KiB: 6 MiB, a text message that never ends; the cap stops the reading at 3 MiB.
        RawHttp.Answer answer = RawHttp.chunked("127.0.0.1", port, "/webhook", "application/json",
                "X-Hub-Signature-256: sha256=00\r\n", 96, i -> i == 0
                        ? "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"".getBytes(StandardCharsets.US_ASCII)
                        : LETTERS);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"too-large\"", "urn:pramaan:problem:too-large");
        assertThat(answer.body()).contains(String.valueOf(3 * 1024 * 1024));
        assertThat(inbox()).isEqualTo(before);
    }

    private Long inbox() {
        return jdbc.queryForObject("SELECT count(*) FROM bridge.inbox", Long.class)
                + jdbc.queryForObject("SELECT count(*) FROM bridge.dead_letter", Long.class);
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'A');
        return bytes;
    }
}
