package org.pramaan.issuer.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.pramaan.issuer.IssuerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one key every instance signs and checks officers' tokens with: {@code ISSUER_TOKEN_SECRET} when set,
 * otherwise a random key made once in the database by whichever instance asks first. Read on first use, once the
 * schema is migrated.
 */
@Component
public class TokenKeys {

    private static final Logger LOG = LoggerFactory.getLogger(TokenKeys.class);
    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean development;
    private volatile SecretKey key;

    @Autowired
    public TokenKeys(TokenSettings settings, JdbcClient jdbc, Clock clock, IssuerProperties properties) {
        this(settings, jdbc, clock, properties.devCredentials());
    }

    /** @param development development sign-ins are made here, so a key in the database is expected */
    public TokenKeys(TokenSettings settings, JdbcClient jdbc, Clock clock, boolean development) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.development = development;
        if (!settings.secret().isEmpty()) {
            this.key = hmac(configured(settings.secret()));
        }
    }

    public SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = hmac(fromDatabase());
                }
                k = key;
            }
        }
        return k;
    }

    private byte[] fromDatabase() {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        int made = jdbc.sql("INSERT INTO issuer.token_key (id, secret, created_at) VALUES (1, ?, ?) ON CONFLICT DO NOTHING")
                .params(fresh, Timestamp.from(clock.instant()))
                .update();
        if (made == 1 && !development) {
            // Anyone who can read the database (or a backup of it) can then make tokens: production sets the key.
            LOG.warn("officer token key made in issuer.token_key; set ISSUER_TOKEN_SECRET to keep it out of the database");
        }
        return jdbc.sql("SELECT secret FROM issuer.token_key WHERE id = 1").query(byte[].class).single();
    }

    private static byte[] configured(String secret) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(secret);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ISSUER_TOKEN_SECRET is not base64 (make one with: head -c 32 /dev/urandom | base64)");
        }
        if (bytes.length < KEY_BYTES) {
            throw new IllegalArgumentException("ISSUER_TOKEN_SECRET must hold at least " + KEY_BYTES + " random bytes");
        }
        return bytes;
    }

    private static SecretKey hmac(byte[] bytes) {
        return new SecretKeySpec(bytes, "HmacSHA256");
    }
}
