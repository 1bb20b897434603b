package org.pramaan.bridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;

/**
 * Someone who can reach the bridge but never opened the simulator page (so holds no token) can neither read a
 * person's chat, download their certificate, nor have the bridge sign a webhook for any number.
 */
class SimulatorAccessTest extends BridgeIntegrationTest {

    @Test
    void withoutTheTokenTheChatTheMediaAndTheSignedSendAreRefused() throws Exception {
        String phone = newPhone();
        String mediaId = graph.store("%PDF-1.7 someone else's certificate".getBytes(), "application/pdf", "c.pdf");
        Integer inboundBefore = inbound();

        assertThat(get("/simulator/api/chat?phone=" + phone, null).statusCode()).isEqualTo(403);
        HttpResponse<String> media = get("/simulator/api/media/" + mediaId, null);
        assertThat(media.statusCode()).isEqualTo(403);
        assertThat(media.body()).doesNotContain("PDF");
        HttpResponse<String> send = http.send(HttpRequest.newBuilder(URI.create(url("/simulator/api/send")))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"phone\":\"" + phone + "\",\"text\":\"Hi\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(send.statusCode()).isEqualTo(403);
        assertThat(inbound()).isEqualTo(inboundBefore);
        assertThat(get("/simulator/api/media/" + mediaId, "pramaan-simulator=guess").statusCode()).isEqualTo(403);
    }

    @Test
    void thePageHandsTheTokenOutAndItOpensTheApi() throws Exception {
        HttpResponse<String> page = get("/simulator/index.html", null);
        assertThat(page.statusCode()).isEqualTo(200);
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict");
        assertThat(get("/simulator", null).headers().firstValue("Set-Cookie")).isPresent();
        String pair = cookie.substring(0, cookie.indexOf(';'));
        assertThat(pair).isEqualTo(SimulatorGuard.COOKIE + "=" + SIMULATOR_TOKEN);
        assertThat(get("/simulator/api/chat?phone=" + newPhone(), pair).statusCode()).isEqualTo(200);
    }

    private Integer inbound() {
        return jdbc.queryForObject("SELECT count(*) FROM bridge.inbox", Integer.class);
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
