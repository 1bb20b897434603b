package org.pramaan.verifier.image;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What reading one uploaded photo or PDF may cost (see application.properties for the variables). A
 * small upload can ask for unbounded work (a 62 KB PNG declaring 49 megapixels, a 433-byte PDF with a
 * 2.5 m page), so every cost is bounded before the work starts, and the work has a deadline.
 *
 * @param maxPixels          largest image accepted, from its header, before decoding
 * @param workingPixels      larger images are decoded subsampled to about this many pixels: a QR code
 *                           never needs more, and memory stays bounded
 * @param maxPageSidePoints  longest PDF page side accepted (1 pt = 1/72 inch; A3 is 1,191 pt)
 * @param maxRenderPixels    most pixels one PDF page is rendered to; the resolution drops to fit
 * @param maxPages           PDF pages searched for a QR code
 * @param deadline           longest one upload may be worked on
 * @param concurrentDecodes  uploads decoded at the same time; the rest are answered 503 at once
 * @param busyRetryAfter     the Retry-After of that 503
 */
@ConfigurationProperties("verifier.decoding")
public record DecodingProperties(long maxPixels, long workingPixels, int maxPageSidePoints, long maxRenderPixels,
                                 int maxPages, Duration deadline, int concurrentDecodes, Duration busyRetryAfter) {

    public DecodingProperties {
        maxPixels = maxPixels <= 0 ? 50_000_000L : maxPixels;
        workingPixels = workingPixels <= 0 ? 12_000_000L : workingPixels;
        maxPageSidePoints = maxPageSidePoints <= 0 ? 2_000 : maxPageSidePoints;
        maxRenderPixels = maxRenderPixels <= 0 ? 8_000_000L : maxRenderPixels;
        maxPages = maxPages <= 0 ? 3 : maxPages;
        deadline = deadline == null || deadline.isNegative() || deadline.isZero() ? Duration.ofSeconds(10) : deadline;
        concurrentDecodes = concurrentDecodes <= 0 ? 2 : concurrentDecodes;
        busyRetryAfter = busyRetryAfter == null || busyRetryAfter.isNegative() ? Duration.ofSeconds(2) : busyRetryAfter;
    }

    /** The defaults, for code and tests that do not go through Spring. */
    public static DecodingProperties defaults() {
        return new DecodingProperties(0, 0, 0, 0, 0, null, 0, null);
    }
}
