package org.pramaan.issuer.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rotation timing ({@code KEYS_RETIRE_GRACE}, {@code KEYS_RETIRE_WAIT}).
 *
 * @param retireGrace how long after the switch before the old key is retired: approvals that took
 *                    the old key just before the switch commit within it
 * @param retireWait  at most how long to wait for the old key's certificates to be anchored before
 *                    retiring it anyway (what is still queued then is parked by anchoring's cap)
 * @param reissueMax  most certificates one re-issue command replaces
 */
@ConfigurationProperties("pramaan.keys.rotation")
public record KeySettings(@DefaultValue("5s") Duration retireGrace, @DefaultValue("60s") Duration retireWait,
                          @DefaultValue("10000") int reissueMax) {
}
