package org.pramaan.bridge.outbound;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the bridge sends its outbox.
 *
 * @param workers threads sending; each claims a few citizens' next messages at a time
 * @param batch   messages per claim (at most one per citizen)
 * @param lease   how long claimed messages are their sender's; longer than a slow send (a PDF fetched from the
 *                issuer and uploaded), after which another sender or process takes them over
 */
@ConfigurationProperties("pramaan.bridge.sender")
public record SenderProperties(int workers, int batch, Duration lease) {

    public SenderProperties {
        workers = workers <= 0 ? 8 : workers;
        batch = batch <= 0 ? 4 : batch;
        lease = lease == null || lease.isNegative() || lease.isZero() ? Duration.ofMinutes(2) : lease;
    }
}
