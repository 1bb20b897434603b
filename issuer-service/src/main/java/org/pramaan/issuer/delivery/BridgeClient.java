package org.pramaan.issuer.delivery;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.service.correlation.Correlation;
import org.springframework.stereotype.Component;

/**
 * Posts notifications to the bridge's internal endpoint with its bearer token. A few quick retries
 * with backoff ride out a restart of the bridge; longer outages are the outbox's to retry.
 */
@Component
public class BridgeClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;
    private final Duration timeout;
    private final FailsafeExecutor<HttpResponse<String>> retries;

    public BridgeClient(IssuerProperties properties, BridgeToken token) {
        this.endpoint = URI.create(properties.bridge().baseUrl().replaceAll("/+$", "") + "/internal/v1/deliveries");
        this.token = token.value();
        this.timeout = properties.bridge().timeout();
        Duration first = properties.bridge().retryBackoff().dividedBy(4);
        this.retries = Failsafe.with(RetryPolicy.<HttpResponse<String>>builder()
                .handle(IOException.class, UncheckedIOException.class)
                .handleResultIf(r -> r.statusCode() >= 500 || r.statusCode() == 429)
                .withBackoff(first.isZero() ? Duration.ofMillis(50) : first, properties.bridge().retryBackoff())
                .withMaxRetries(2)
                .build());
    }

    /**
     * Sends one notification, with its correlation id (may be null) so that the bridge's messages to
     * the citizen log under it too; throws {@link DeliveryFailedException} when the bridge did not take it.
     */
    public void send(String payloadJson, String correlationId) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(payloadJson, StandardCharsets.UTF_8));
        if (Correlation.valid(correlationId)) {
            builder.header(Correlation.HEADER, correlationId);
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = retries.get(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (dev.failsafe.FailsafeException e) {
            throw new DeliveryFailedException("bridge unreachable at " + endpoint + ": " + e.getCause(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailedException("bridge answered " + response.statusCode() + " at " + endpoint, null);
        }
    }

    /** The bridge did not accept a notification. */
    public static final class DeliveryFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DeliveryFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
