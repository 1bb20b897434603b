package org.pramaan.verifier.apikey;

import java.time.Instant;
import java.util.UUID;

/** A key as an administrator sees it: never the secret, only its first characters. */
public record ApiKeySummary(UUID id, String name, String prefix, ApiKeyRole role, int perMinute, Instant createdAt,
                            Instant revokedAt, long usageCount, Instant lastUsedAt) {
}
