package org.pramaan.issuer.digilocker;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * DigiLocker's pull into the citizen's locker ({@code POST /digilocker/pull-uri}, {@code POST /digilocker/pull-doc}).
 *
 * @param orgId         the user id this issuer gave DigiLocker, which it sends as {@code orgId}
 *                      ({@code DIGILOCKER_ORG_ID}); blank: with development sign-ins one is made and written to
 *                      dev.env, otherwise the pull is off
 * @param apiKey        the API key set in DigiLocker's partner portal, the HMAC-SHA256 key of every request body
 *                      ({@code DIGILOCKER_API_KEY}); blank: as {@code orgId}
 * @param issuerId      the start of every document URI ({@code DIGILOCKER_ISSUER_ID}), as registered with DigiLocker
 * @param maxBodyBytes  largest request body read; larger ones are refused with 413 ({@code DIGILOCKER_MAX_BODY_BYTES})
 * @param callsPerWindow requests one orgId may make per window, over which they are refused with 429
 *                      ({@code DIGILOCKER_CALLS_PER_WINDOW})
 * @param window        the rate window ({@code DIGILOCKER_WINDOW})
 */
@ConfigurationProperties("pramaan.digilocker")
public record DigiLockerProperties(@DefaultValue("") String orgId,
                                   @DefaultValue("") String apiKey,
                                   @DefaultValue("in.gov.ap.pramaan") String issuerId,
                                   @DefaultValue("16384") int maxBodyBytes,
                                   @DefaultValue("600") int callsPerWindow,
                                   @DefaultValue("1m") Duration window) {

    /** A key this short could be guessed offline from one signed request. */
    static final int MIN_KEY_LENGTH = 16;

    public DigiLockerProperties {
        orgId = orgId == null ? "" : orgId.strip();
        apiKey = apiKey == null ? "" : apiKey;
        if (!apiKey.isEmpty() && apiKey.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException("DIGILOCKER_API_KEY must be at least " + MIN_KEY_LENGTH + " characters");
        }
        if (orgId.isEmpty() != apiKey.isEmpty()) {
            throw new IllegalArgumentException("set both DIGILOCKER_ORG_ID and DIGILOCKER_API_KEY, or neither");
        }
        if (issuerId == null || !issuerId.matches("[a-z0-9]+(\\.[a-z0-9-]+)+")) {
            throw new IllegalArgumentException("DIGILOCKER_ISSUER_ID must look like in.gov.ap.pramaan, got " + issuerId);
        }
        if (maxBodyBytes < 1024 || maxBodyBytes > 1_048_576) {
            throw new IllegalArgumentException("DIGILOCKER_MAX_BODY_BYTES must be 1024..1048576, got " + maxBodyBytes);
        }
        if (callsPerWindow < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("DIGILOCKER_CALLS_PER_WINDOW and DIGILOCKER_WINDOW must be positive");
        }
    }

    boolean configured() {
        return !orgId.isEmpty();
    }
}
