package org.pramaan.verifier.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import org.pramaan.verifier.apikey.ApiKeyHolder;
import org.pramaan.verifier.config.VerifierProperties;
import org.springframework.stereotype.Component;

/**
 * Token buckets (bucket4j): one per API key at the key's own rate, one per client address for
 * anonymous use. Buckets of addresses not seen for a while are forgotten.
 */
@Component
public class RateLimits {

    private final int anonymousPerMinute;
    private final Cache<String, Bucket> buckets =
            Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public RateLimits(VerifierProperties properties) {
        this.anonymousPerMinute = properties.anonymousPerMinute();
    }

    /** Takes {@code tokens} from the caller's bucket; the answer says how long to wait when refused. */
    public ConsumptionProbe take(ApiKeyHolder holder, String address, long tokens) {
        Bucket bucket = holder != null
                ? buckets.get("key:" + holder.id(), k -> bucket(holder.perMinute()))
                : buckets.get("ip:" + address, k -> bucket(anonymousPerMinute));
        return bucket.tryConsumeAndReturnRemaining(tokens);
    }

    /** The most tokens the caller's bucket ever holds: a request costing more can never pass. */
    public long allowance(ApiKeyHolder holder) {
        return holder != null ? holder.perMinute() : anonymousPerMinute;
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build();
    }

    /**
     * Whole seconds until the bucket holds what was asked (bucket4j's own estimate), at least one, for
     * the Retry-After header. Rounded up, and safe from overflow: bucket4j answers
     * {@code Long.MAX_VALUE} for a request larger than the bucket, which once wrapped to "1 s".
     */
    public static long retryAfterSeconds(ConsumptionProbe probe) {
        long nanos = probe.getNanosToWaitForRefill();
        long seconds = nanos / 1_000_000_000L + (nanos % 1_000_000_000L == 0 ? 0 : 1);
        return Math.max(1, seconds);
    }
}
