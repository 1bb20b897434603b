package org.pramaan.verifier.apikey;

import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The API keys of banks, employers, the bridge and administrators. Keys are 256 random bits; only
 * their SHA-256 is stored. Valid keys are remembered for a few seconds so that a bank sending
 * thousands of requests does not cost a database read each, and usage is counted in memory and
 * written every few seconds for the same reason.
 */
@Service
public class ApiKeys {

    static final String PREFIX = "pvk_";
    /** Keys made elsewhere (the run script) need not carry our prefix, but must be long enough to guess. */
    static final int MIN_SECRET_LENGTH = 24;
    static final int MAX_SECRET_LENGTH = 100;
    private static final Duration REMEMBER = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<ApiKeyHolder>> byHash =
            Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(REMEMBER).build();
    private final Map<UUID, LongAdder> unsavedUsage = new ConcurrentHashMap<>();

    public ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public IssuedApiKey issue(String name, ApiKeyRole role, int perMinute) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "name must be 1 to 100 characters");
        }
        if (perMinute < 1 || perMinute > 1_000_000) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "perMinute must be between 1 and 1000000");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return insert(name, role, perMinute, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * A key whose secret someone else made: the run script hands one secret to the verifier and the
     * bridge before either starts. Replaces the secret of an existing key of that name.
     */
    public IssuedApiKey issueWithSecret(String name, ApiKeyRole role, int perMinute, String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw new RefusalException(ProblemCode.INVALID_ARGUMENT, "an API key secret must be " + MIN_SECRET_LENGTH + " to "
                    + MAX_SECRET_LENGTH + " characters");
        }
        jdbc.update("DELETE FROM verifier.api_key WHERE name = ?", name.strip());
        byHash.invalidateAll();
        return insert(name, role, perMinute, secret);
    }

    /** Whether {@code name}'s key has exactly this secret. */
    public boolean hasSecret(String name, String secret) {
        return authenticate(secret).map(holder -> holder.name().equals(name.strip())).orElse(false);
    }

    private IssuedApiKey insert(String name, ApiKeyRole role, int perMinute, String secret) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO verifier.api_key (id, name, key_hash, key_prefix, role, per_minute, created_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                id, name.strip(), hash(secret), secret.substring(0, Math.min(secret.length(), PREFIX.length() + 6)),
                role.name(), perMinute,
                Timestamp.from(clock.instant()));
        return new IssuedApiKey(new ApiKeyHolder(id, name.strip(), role, perMinute), secret);
    }

    /** The holder of {@code secret}, if it is a key that exists and is not revoked. */
    public Optional<ApiKeyHolder> authenticate(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            return Optional.empty();
        }
        return byHash.get(hash(secret), this::load);
    }

    public void countUse(ApiKeyHolder holder) {
        unsavedUsage.computeIfAbsent(holder.id(), id -> new LongAdder()).increment();
    }

    public List<ApiKeySummary> list() {
        flushUsage();
        return jdbc.query("SELECT id, name, key_prefix, role, per_minute, created_at, revoked_at, usage_count, last_used_at"
                + " FROM verifier.api_key ORDER BY created_at", (row, n) -> new ApiKeySummary(
                row.getObject(1, UUID.class), row.getString(2), row.getString(3), ApiKeyRole.valueOf(row.getString(4)),
                row.getInt(5), row.getTimestamp(6).toInstant(),
                Optional.ofNullable(row.getTimestamp(7)).map(Timestamp::toInstant).orElse(null), row.getLong(8),
                Optional.ofNullable(row.getTimestamp(9)).map(Timestamp::toInstant).orElse(null)));
    }

    /** Revokes a key; true when it existed and was active. Takes effect within a few seconds. */
    public boolean revoke(UUID id) {
        int changed = jdbc.update("UPDATE verifier.api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                Timestamp.from(clock.instant()), id);
        byHash.invalidateAll();
        return changed == 1;
    }

    public boolean exists(String name) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM verifier.api_key WHERE name = ?", Integer.class, name);
        return count != null && count > 0;
    }

    @Scheduled(fixedDelay = 5_000)
    public void flushUsage() {
        for (UUID id : List.copyOf(unsavedUsage.keySet())) {
            LongAdder adder = unsavedUsage.remove(id);
            long count = adder == null ? 0 : adder.sum();
            if (count > 0) {
                jdbc.update("UPDATE verifier.api_key SET usage_count = usage_count + ?, last_used_at = ? WHERE id = ?",
                        count, Timestamp.from(clock.instant()), id);
            }
        }
    }

    private Optional<ApiKeyHolder> load(String keyHash) {
        return jdbc.query("SELECT id, name, role, per_minute FROM verifier.api_key WHERE key_hash = ? AND revoked_at IS NULL",
                (row, n) -> new ApiKeyHolder(row.getObject(1, UUID.class), row.getString(2),
                        ApiKeyRole.valueOf(row.getString(3)), row.getInt(4)), keyHash).stream().findFirst();
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
