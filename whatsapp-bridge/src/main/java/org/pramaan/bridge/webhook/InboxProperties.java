package org.pramaan.bridge.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the bridge drains its inbox.
 *
 * @param enabled     false: events are only stored (a bridge kept for the webhook alone)
 * @param workers     threads working events; different citizens' events run in parallel, one citizen's in order
 * @param lease       how long a claimed event is its worker's; longer than the slowest turn (the issuer's 20 s
 *                    timeout with its retries), after which another worker or process takes it over
 * @param maxAttempts claims after which an event that never settles (it brings its worker down) is marked FAILED
 */
@ConfigurationProperties("pramaan.bridge.inbox")
public record InboxProperties(Boolean enabled, int workers, Duration lease, int maxAttempts) {

    public InboxProperties {
        enabled = enabled == null || enabled;
        workers = workers <= 0 ? 8 : workers;
        lease = lease == null || lease.isNegative() || lease.isZero() ? Duration.ofMinutes(2) : lease;
        maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
    }
}
