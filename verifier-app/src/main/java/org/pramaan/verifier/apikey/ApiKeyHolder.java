package org.pramaan.verifier.apikey;

import java.util.UUID;

/** The owner of a presented, valid API key: who it is, what it may do, how often. */
public record ApiKeyHolder(UUID id, String name, ApiKeyRole role, int perMinute) {
}
