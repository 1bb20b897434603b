package org.pramaan.verifier.catalog;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the verifier reads the issuer's public catalog (for field labels and certificate titles)
 * and how often.
 *
 * @param issuerBaseUrl issuer-service's address ({@code ISSUER_BASE_URL}); the catalog is
 *                      {@code GET <issuerBaseUrl>/api/v1/catalog}
 * @param refresh       how often a known catalog is checked again, with {@code If-None-Match}
 *                      ({@code VERIFIER_CATALOG_REFRESH}, default 10 minutes)
 * @param retry         how soon a failed check is tried again ({@code VERIFIER_CATALOG_RETRY}, default
 *                      30 seconds), so a verifier started before the issuer learns the labels soon after
 * @param timeout       longest wait for the issuer's answer
 */
@ConfigurationProperties("verifier.catalog")
public record CatalogProperties(String issuerBaseUrl, Duration refresh, Duration retry, Duration timeout) {

    public CatalogProperties {
        issuerBaseUrl = issuerBaseUrl == null || issuerBaseUrl.isBlank() ? "http://localhost:8081" : issuerBaseUrl.strip();
        refresh = positiveOr(refresh, Duration.ofMinutes(10));
        retry = positiveOr(retry, Duration.ofSeconds(30));
        timeout = positiveOr(timeout, Duration.ofSeconds(5));
    }

    /** The catalog's address: the base URL with or without a trailing slash. */
    public URI catalogUri() {
        String base = issuerBaseUrl.endsWith("/") ? issuerBaseUrl.substring(0, issuerBaseUrl.length() - 1) : issuerBaseUrl;
        return URI.create(base + "/api/v1/catalog");
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isNegative() || value.isZero() ? fallback : value;
    }
}
