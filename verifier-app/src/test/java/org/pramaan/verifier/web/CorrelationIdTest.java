package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A bank's or the bridge's X-Correlation-Id reaches the verifier's logs and comes back with the answer. */
class CorrelationIdTest extends VerifierIntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void theCallersIdIsEchoedWithTheVerdict() throws Exception {
        String given = "bridge-app:" + UUID.randomUUID();
        HttpResponse<String> answer = verifyWith(given);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("status").asString()).isEqualTo("VALID");
        assertThat(answer.headers().firstValue(Correlation.HEADER)).contains(given);
    }

    @Test
    void withoutAUsableIdTheVerifierMakesOne() throws Exception {
        for (String given : new String[] {null, "forged\" level=ERROR"}) {
            HttpResponse<String> answer = verifyWith(given);

            assertThat(answer.statusCode()).isEqualTo(200);
            String made = answer.headers().firstValue(Correlation.HEADER).orElseThrow();
            assertThat(UUID.fromString(made).toString()).isEqualTo(made);
        }
    }

    @Test
    void plainTextLogLinesShowTheId() {
        assertThat(environment.getProperty("logging.pattern.correlation")).isEqualTo("[%X{correlationId:-}] ");
    }

    private HttpResponse<String> verifyWith(String correlationId) throws Exception {
        String body = JSON.writeValueAsString(Map.of("qr", revenue().url(revenue().issue("Traced Holder"))));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/verify"))
                .header("Content-Type", "application/json").header("X-Api-Key", clientKey())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (correlationId != null) {
            request.header(Correlation.HEADER, correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
