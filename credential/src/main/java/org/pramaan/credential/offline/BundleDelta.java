package org.pramaan.credential.offline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The changes from bundle height {@code since} to {@code height}: the certificates revoked and put on
 * hold since, the holds lifted or turned into revocations, and the signers in full (they are few) when
 * the trust list changed since ({@code signers} empty: keep yours). Roots and department names travel
 * only in full bundles.
 */
public record BundleDelta(long since, long height, Instant builtAt, Duration maxAge, Optional<List<BundleSigner>> signers,
                          Map<String, IdSet> revokedAdded, Map<String, IdSet> heldAdded, Map<String, IdSet> heldRemoved) {

    public BundleDelta {
        Objects.requireNonNull(builtAt, "builtAt");
        Objects.requireNonNull(maxAge, "maxAge");
        signers = signers.map(List::copyOf);
        revokedAdded = Map.copyOf(revokedAdded);
        heldAdded = Map.copyOf(heldAdded);
        heldRemoved = Map.copyOf(heldRemoved);
    }
}
