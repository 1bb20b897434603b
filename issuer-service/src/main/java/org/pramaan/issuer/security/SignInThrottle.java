package org.pramaan.issuer.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one limiter every secret goes through (console form, HTTP Basic, API key): a token bucket per account
 * and one per address. Only failures spend a token, so people who type their password right are never slowed;
 * once either bucket is empty every attempt is refused, the right password included, until its window passes.
 *
 * <p>Buckets live in a bounded Caffeine cache: when it is full the coldest entries go, one at a time, so an
 * attacker cycling user names cannot wipe the bucket of the address they are spending (it is the hottest key).
 * An entry untouched for a whole window is dropped as well: by then it would be full again anyway.
 *
 * <p>An account that signed in from an address is remembered there (bounded, for {@code provenFor}) and no longer
 * pays that address's budget, only its own: otherwise anyone sharing the address (a proxy, NAT, loopback) could
 * lock every other caller out by guessing at made-up names.
 */
@Component
public class SignInThrottle {

    private final SignInLimits limits;
    private final Cache<String, Bucket> buckets;
    private final Cache<String, Boolean> proven;
    private final Counter failures;
    private final Counter refusals;

    public SignInThrottle(SignInLimits limits, MeterRegistry meters) {
        this.limits = limits;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(limits.maxTracked())
                .expireAfterAccess(limits.window())
                .executor(Runnable::run) // evict on the caller's thread: the bound holds at once
                .build();
        this.proven = Caffeine.newBuilder()
                .maximumSize(limits.maxTracked())
                .expireAfterWrite(limits.provenFor())
                .executor(Runnable::run)
                .build();
        this.failures = Counter.builder("pramaan.sign_in.failures").description("failed sign-in attempts")
                .register(meters);
        this.refusals = Counter.builder("pramaan.sign_in.throttled")
                .description("sign-in attempts refused because a budget was spent").register(meters);
    }

    /** How long the caller must wait, or empty when the attempt may be checked. */
    public Optional<Duration> refusal(SignInAttempt attempt) {
        long addressWait = proven.getIfPresent(pairKey(attempt)) != null ? 0
                : waitNanos(addressKey(attempt), limits.addressFailures());
        long wait = Math.max(waitNanos(accountKey(attempt), limits.accountFailures()), addressWait);
        if (wait <= 0) {
            return Optional.empty();
        }
        refusals.increment();
        return Optional.of(Duration.ofNanos(wait));
    }

    /** A wrong secret: one token from the account and one from the address. */
    public void failed(SignInAttempt attempt) {
        failures.increment();
        bucket(accountKey(attempt), limits.accountFailures()).tryConsume(1);
        bucket(addressKey(attempt), limits.addressFailures()).tryConsume(1);
    }

    /** The right secret: this account is known at this address from now on. */
    public void succeeded(SignInAttempt attempt) {
        proven.put(pairKey(attempt), Boolean.TRUE);
    }

    long trackedKeys() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private long waitNanos(String key, int capacity) {
        Bucket bucket = buckets.getIfPresent(key);
        return bucket == null ? 0 : bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
    }

    private Bucket bucket(String key, int capacity) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity)
                        .refillIntervally(capacity, limits.window()).build())
                .build());
    }

    private static String accountKey(SignInAttempt attempt) {
        return "account:" + attempt.account();
    }

    private static String pairKey(SignInAttempt attempt) {
        return attempt.address() + "|" + attempt.account();
    }

    private static String addressKey(SignInAttempt attempt) {
        return "address:" + attempt.address();
    }
}
