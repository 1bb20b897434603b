package org.pramaan.bridge.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.support.BridgeIntegrationTest;

/** The review read /actuator/prometheus without signing in; health stays public for probes. */
class MetricsExposureTest extends BridgeIntegrationTest {

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void metricsNeedTheBridgeTokenAndHealthDoesNot() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = get("/actuator/prometheus", BRIDGE_TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("bridge_webhook");
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }
}
