package org.pramaan.issuer.digilocker;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Calls per orgId (Bucket4j token buckets in a bounded Caffeine cache, as the sign-in throttle keeps its own): a
 * DigiLocker that loops, or a stolen key used to walk certificate numbers, is slowed to
 * {@code DIGILOCKER_CALLS_PER_WINDOW} per {@code DIGILOCKER_WINDOW}, the whole budget coming back each window.
 */
@Component
public class OrgRateLimits {

    private final DigiLockerProperties properties;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(1000)
            .expireAfterAccess(Duration.ofHours(1)).executor(Runnable::run).build();

    public OrgRateLimits(DigiLockerProperties properties) {
        this.properties = properties;
    }

    /** Spends one call of {@code orgId}'s budget; how long to wait when it is spent already. */
    public Optional<Duration> spend(String orgId) {
        Bucket bucket = buckets.get(orgId, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.callsPerWindow())
                        .refillIntervally(properties.callsPerWindow(), properties.window()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
