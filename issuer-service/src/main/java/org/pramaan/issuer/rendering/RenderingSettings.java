package org.pramaan.issuer.rendering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rendering queue ({@code pramaan.rendering}): certificates approved without their PDF wait in
 * {@code issuer.render_outbox} for a {@link RenderingWorker} thread.
 *
 * @param workers      rendering threads in this process ({@code RENDER_WORKERS}); rendering is CPU work, so about
 *                     the cores the service may use
 * @param batch        certificates one thread claims at a time ({@code RENDER_BATCH})
 * @param lease        how long claimed rows stay a thread's ({@code RENDER_LEASE}); longer than rendering a batch
 * @param pollInterval how often an idle thread looks for work queued by another process or come due
 *                     ({@code RENDER_POLL_INTERVAL}); work queued in this process wakes it at once
 * @param retryBackoff the first wait after a failed rendering ({@code RENDER_RETRY_BACKOFF}; doubles, up to 5 minutes)
 */
@ConfigurationProperties("pramaan.rendering")
public record RenderingSettings(@DefaultValue("2") int workers, @DefaultValue("4") int batch,
                                @DefaultValue("2m") Duration lease, @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("2s") Duration retryBackoff) {

    public RenderingSettings {
        if (workers < 1 || workers > 64 || batch < 1 || batch > 1000 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("pramaan.rendering: workers must be 1..64, the batch 1..1000 and the"
                    + " lease positive, got " + workers + ", " + batch + " and " + lease);
        }
    }
}
