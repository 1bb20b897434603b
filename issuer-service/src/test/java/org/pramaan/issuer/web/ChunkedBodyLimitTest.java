package org.pramaan.issuer.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.support.IntegrationTest;
import org.pramaan.issuer.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An application body streamed chunked (no Content-Length to refuse up front) by the signed-in bridge: without a
 * cap Jackson read it whole into memory. It is counted as it is read and refused past ISSUER_MAX_BODY_BYTES.
 */
class ChunkedBodyLimitTest extends IntegrationTest {

    private static final byte[] LETTERS = filled(64 * 1024);

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChunkedApplicationOverTheCapIsRefusedWith413AndNothingIsStored() throws Exception {
        String reference = "chunked-" + UUID.randomUUID();
        long before = applications();
        String head = "{\"serviceCode\":\"REV-INCOME\",\"language\":\"en\",\"phoneNumber\":\"9876543210\","
                + "\"channelReference\":\"" + reference + "\",\"fields\":{\"nm\":\"";
        // 64 chunks of 64 KiB: 4 MiB of a name, never closed; the cap must stop the reading at 1 MiB.
        RawHttp.Answer answer = RawHttp.chunked("127.0.0.1", port, "/api/v1/applications", "application/json",
                "Authorization: Basic " + basic() + "\r\n", 64,
                i -> i == 0 ? head.getBytes(StandardCharsets.US_ASCII) : LETTERS);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("\"code\":\"too-large\"", "urn:pramaan:problem:too-large");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.body()).contains("1048576");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aSmallChunkedApplicationIsAnsweredAsUsual() throws Exception {
        RawHttp.Answer answer = RawHttp.chunked("127.0.0.1", port, "/api/v1/applications", "application/json",
                "Authorization: Basic " + basic() + "\r\n", 2,
                i -> (i == 0 ? "{\"serviceCode\":\"NO-SUCH\"," : "\"language\":\"en\"}")
                        .getBytes(StandardCharsets.US_ASCII));

        assertThat(answer.status()).isBetween(400, 422);
    }

    private long applications() {
        return jdbc.sql("SELECT count(*) FROM issuer.application").query(Long.class).single();
    }

    private static String basic() {
        return Base64.getEncoder().encodeToString((BRIDGE_CLIENT_ID + ":" + BRIDGE_CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] filled(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 'A');
        return bytes;
    }
}
