package org.pramaan.bridge.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.pramaan.bridge.config.IssuerProperties;
import org.pramaan.bridge.issuer.IssuerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The issuer's public catalog, cached: re-checked at most once a minute with If-None-Match, and the last good copy
 * kept when the issuer is briefly unreachable, so menus keep working.
 */
@Component
public class CatalogClient {

    private static final Logger log = LoggerFactory.getLogger(CatalogClient.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(60);

    private final IssuerProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Catalog cached;
    private String etag;
    private Instant checkedAt = Instant.EPOCH;

    public CatalogClient(IssuerProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public synchronized Catalog catalog() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(checkedAt.plus(FRESH_FOR))) {
            return cached;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.baseUrl() + "/api/v1/catalog"))
                .timeout(Duration.ofSeconds(10)).GET();
        if (etag != null && cached != null) {
            request.header("If-None-Match", etag);
        }
        try {
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 304 && cached != null) {
                checkedAt = now;
                return cached;
            }
            if (response.statusCode() != 200) {
                throw new IssuerException("catalog answered HTTP " + response.statusCode());
            }
            cached = CatalogReader.read(json, response.body());
            etag = response.headers().firstValue("ETag").orElse(null);
            checkedAt = now;
            return cached;
        } catch (IOException | IssuerException | IllegalArgumentException | tools.jackson.core.JacksonException e) {
            if (cached != null) {
                log.warn("Catalog refresh failed, keeping the last good copy: {}", e.toString());
                checkedAt = now;
                return cached;
            }
            throw e instanceof IssuerException ie ? ie : new IssuerException("catalog unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IssuerException("interrupted", e);
        }
    }
}
