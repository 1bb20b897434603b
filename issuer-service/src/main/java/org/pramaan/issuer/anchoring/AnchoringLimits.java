package org.pramaan.issuer.anchoring;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How far anchoring retries go ({@code ANCHOR_MAX_ATTEMPTS}): a certificate whose submission failed
 * this many times is parked, listed in the console, and tried no more (with the backoff doubling to
 * 5 minutes, 20 attempts is about an hour and a half).
 */
@ConfigurationProperties("pramaan.anchoring")
public record AnchoringLimits(@DefaultValue("20") int maxAttempts) {

    public AnchoringLimits {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("pramaan.anchoring.max-attempts must be at least 1, got " + maxAttempts);
        }
    }
}
