package org.pramaan.bridge.issuer;

import org.pramaan.bridge.catalog.Catalog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.pramaan.bridge.config.IssuerProperties;
import org.pramaan.bridge.issuer.IssuerApi;
import org.pramaan.bridge.issuer.IssuerException;
import org.pramaan.bridge.issuer.IssuerHttp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * The issuer's public catalog, cached: re-checked at most once a minute with If-None-Match, and the last good copy
 * kept when the issuer is briefly unreachable, so menus keep working.
 */
@Component
public class CatalogClient {

    private static final Logger log = LoggerFactory.getLogger(CatalogClient.class);
    private static final Duration FRESH_FOR = Duration.ofSeconds(60);

    /** Menus wait on the catalog: it is asked with a shorter timeout than forms. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final IssuerApi api;
    private final Clock clock;
    private Catalog cached;
    private String etag;
    private Instant checkedAt = Instant.EPOCH;

    public CatalogClient(IssuerProperties properties, Clock clock) {
        this.api = IssuerHttp.api(properties, READ_TIMEOUT);
        this.clock = clock;
    }

    public synchronized Catalog catalog() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(checkedAt.plus(FRESH_FOR))) {
            return cached;
        }
        try {
            ResponseEntity<Catalog> response = api.catalog(cached != null ? etag : null);
            if (response.getStatusCode().isSameCodeAs(HttpStatus.NOT_MODIFIED) && cached != null) {
                checkedAt = now;
                return cached;
            }
            if (response.getStatusCode().value() != 200 || response.getBody() == null) {
                throw new IssuerException("catalog answered HTTP " + response.getStatusCode().value());
            }
            cached = response.getBody();
            etag = response.getHeaders().getETag();
            checkedAt = now;
            return cached;
        } catch (RestClientException | IssuerException | IllegalArgumentException e) {
            if (cached != null) {
                log.warn("Catalog refresh failed, keeping the last good copy: {}", e.toString());
                checkedAt = now;
                return cached;
            }
            throw e instanceof IssuerException ie ? ie : new IssuerException("catalog unreachable: " + e, e);
        }
    }
}
