package org.pramaan.verifier.offline;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The offline bundle's settings.
 *
 * @param maxAge how long after it was built a client may rely on a bundle before it should reconnect
 *               ({@code VERIFIER_OFFLINE_MAX_AGE}, default 24 hours)
 */
@ConfigurationProperties("verifier.offline")
public record OfflineProperties(Duration maxAge) {

    public OfflineProperties {
        maxAge = maxAge == null ? Duration.ofHours(24) : maxAge;
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("verifier.offline.max-age must be positive: " + maxAge);
        }
    }
}
