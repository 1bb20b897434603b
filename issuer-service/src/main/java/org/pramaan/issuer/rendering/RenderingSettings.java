package org.pramaan.issuer.rendering;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rendering queue ({@code pramaan.rendering}): certificates approved without their PDF wait in
 * {@code issuer.render_outbox} for a {@link RenderingWorker} thread.
 *
 * @param workers      rendering threads in this process ({@code RENDER_WORKERS}); 0 (the default) is half the cores
 *                     this process may use, at least one: rendering is CPU work, and on two cores one thread gave
 *                     22-62% more approvals per second and half the time to trust of two (docs/capacity.md), since
 *                     the approvals, the anchoring and PostgreSQL need the other core
 * @param batch        certificates one thread claims at a time ({@code RENDER_BATCH}): rendered one after another,
 *                     their puts in flight meanwhile, and settled in one commit. A claim takes only what is due,
 *                     so a quiet queue gives batches of one; under a backlog 16 made 1.49x the PDFs per second of 4
 *                     on two cores (the claim and the settling commit are per batch; docs/capacity.md)
 * @param lease        how long claimed rows stay a thread's ({@code RENDER_LEASE}); longer than rendering a batch
 * @param pollInterval how often an idle thread looks for work queued by another process or come due
 *                     ({@code RENDER_POLL_INTERVAL}); work queued in this process wakes it at once
 * @param retryBackoff the first wait after a failed rendering ({@code RENDER_RETRY_BACKOFF}; doubles, up to 5 minutes)
 */
@ConfigurationProperties("pramaan.rendering")
public record RenderingSettings(@DefaultValue("0") int workers, @DefaultValue("16") int batch,
                                @DefaultValue("2m") Duration lease, @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("2s") Duration retryBackoff) {

    public RenderingSettings {
        if (workers == 0) {
            workers = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
        if (workers < 1 || workers > 64 || batch < 1 || batch > 1000 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("pramaan.rendering: workers must be 1..64 (0: half the cores), the batch 1..1000 and the"
                    + " lease positive, got " + workers + ", " + batch + " and " + lease);
        }
    }
}
