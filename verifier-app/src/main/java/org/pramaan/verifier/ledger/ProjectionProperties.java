package org.pramaan.verifier.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the verifier answers a first check from its own copy of the ledger ({@link ProjectionCurrency}).
 *
 * @param enabled whether it does at all ({@code VERIFIER_PROJECTION_ENABLED}, default true); false: every
 *                first check asks the ledger, as before the copy existed
 * @param maxLag  the copy is behind when the last event applied was committed longer ago than this while
 *                events are still arriving ({@code VERIFIER_PROJECTION_MAX_LAG}, default 5 s)
 * @param quiet   a connected event stream that has delivered nothing for this long has nothing left to
 *                deliver: the copy is current ({@code VERIFIER_PROJECTION_QUIET}, default 1 s)
 * @param memoryMax how many certificates the copy also keeps in memory, so that a first check costs no database
 *                round trip ({@code VERIFIER_PROJECTION_MEMORY_MAX}, default 1,000,000: 33 bytes a slot, about
 *                45-60 MB at a million); the newest are kept, any others are read from the database as before;
 *                0: none, every first check reads the database
 */
@ConfigurationProperties("verifier.projection")
public record ProjectionProperties(Boolean enabled, Duration maxLag, Duration quiet, Integer memoryMax) {

    public ProjectionProperties {
        enabled = enabled == null || enabled;
        memoryMax = memoryMax == null ? 1_000_000 : memoryMax;
        if (memoryMax < 0 || memoryMax > 100_000_000) {
            throw new IllegalArgumentException("verifier.projection.memory-max must be 0 to 100000000, got " + memoryMax);
        }
        maxLag = maxLag == null ? Duration.ofSeconds(5) : maxLag;
        quiet = quiet == null ? Duration.ofSeconds(1) : quiet;
        if (maxLag.isNegative() || quiet.isNegative()) {
            throw new IllegalArgumentException("verifier.projection.max-lag and quiet must not be negative");
        }
    }

    public static ProjectionProperties defaults() {
        return new ProjectionProperties(null, null, null, null);
    }
}
