package org.pramaan.issuer.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Officers' API tokens ({@code POST /api/v1/auth/token}).
 *
 * @param lifetime  how long a token is accepted; also the longest a disabled officer or a changed department can
 *                  go unnoticed, since a token is checked by its signature alone
 * @param secret    the HMAC-SHA256 signing key, base64 of at least 32 bytes ({@code ISSUER_TOKEN_SECRET}), the same
 *                  for every instance; empty: a key made once and kept in the database ({@code issuer.token_key})
 * @param issuer    the tokens' {@code iss}
 * @param audience  the tokens' {@code aud}; a token for another audience is refused
 * @param clockSkew how far instances' clocks may disagree when checking {@code exp}
 */
@ConfigurationProperties("pramaan.security.token")
public record TokenSettings(@DefaultValue("15m") Duration lifetime,
                            @DefaultValue("") String secret,
                            @DefaultValue("pramaan-issuer") String issuer,
                            @DefaultValue("pramaan-issuer-api") String audience,
                            @DefaultValue("30s") Duration clockSkew) {

    public TokenSettings {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofHours(12)) > 0) {
            throw new IllegalArgumentException("ISSUER_TOKEN_LIFETIME must be above zero and at most 12h");
        }
        secret = secret == null ? "" : secret.strip();
    }
}
