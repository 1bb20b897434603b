package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.service.correlation.Correlation;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** A bank's or the bridge's X-Correlation-Id reaches the verifier's logs and comes back with the answer. */
class CorrelationIdTest extends VerifierIntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void theCallersIdIsEchoedWithTheVerdict() throws Exception {
        String given = "bridge-app:" + UUID.randomUUID();
        HttpResponse<String> answer = verifyWith(given, validBody());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("status").asString()).isEqualTo("VALID");
        assertThat(answer.headers().firstValue(Correlation.HEADER)).contains(given);
    }

    @Test
    void withoutAUsableIdTheVerifierMakesOne() throws Exception {
        for (String given : new String[] {null, "forged\" level=ERROR"}) {
            HttpResponse<String> answer = verifyWith(given, validBody());

            assertThat(answer.statusCode()).isEqualTo(200);
            String made = answer.headers().firstValue(Correlation.HEADER).orElseThrow();
            assertThat(UUID.fromString(made).toString()).isEqualTo(made);
        }
    }

    @Test
    void theRequestsLogLinesCarryTheId() throws Exception {
        // The refusal of an unreadable body is logged at DEBUG, on the request's thread.
        Logger logger = (Logger) LoggerFactory.getLogger(ApiErrors.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level level = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        logger.addAppender(lines);
        try {
            String given = "bank-check:" + UUID.randomUUID();
            HttpResponse<String> answer = verifyWith(given, "{not json");

            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue(Correlation.HEADER)).contains(given);
            assertThat(lines.list).filteredOn(e -> e.getFormattedMessage().startsWith("unreadable request body"))
                    .singleElement().extracting(e -> e.getMDCPropertyMap().get(Correlation.MDC_KEY))
                    .isEqualTo(given);
        } finally {
            logger.detachAppender(lines);
            logger.setLevel(level);
        }
    }

    @Test
    void plainTextLogLinesShowTheId() {
        assertThat(environment.getProperty("logging.pattern.correlation")).isEqualTo("[%X{correlationId:-}] ");
    }

    private String validBody() throws Exception {
        return JSON.writeValueAsString(Map.of("qr", revenue().url(revenue().issue("Traced Holder"))));
    }

    private HttpResponse<String> verifyWith(String correlationId, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/verify"))
                .header("Content-Type", "application/json").header("X-Api-Key", clientKey())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (correlationId != null) {
            request.header(Correlation.HEADER, correlationId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
