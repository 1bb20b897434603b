package org.pramaan.issuer.digilocker;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.service.devsettings.DevSettingsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The orgId and API key DigiLocker signs with: configured, or (with development sign-ins) the ones in dev.env,
 * made there on the first start ({@link DevSettingsFile}; the log names the variables, never the key). Without
 * either the pull is off and every request is refused as unsigned.
 */
@Component
public class DigiLockerCredentials {

    static final String ORG_ID_VARIABLE = "DIGILOCKER_ORG_ID";
    static final String API_KEY_VARIABLE = "DIGILOCKER_API_KEY";
    private static final Logger LOG = LoggerFactory.getLogger(DigiLockerCredentials.class);
    private static final String HMAC = "HmacSHA256";

    private final String orgId;
    private final SecretKeySpec key;

    public DigiLockerCredentials(DigiLockerProperties properties, IssuerProperties issuer) {
        String org = properties.orgId();
        String apiKey = properties.apiKey();
        if (!properties.configured() && issuer.devCredentials()) {
            DevSettingsFile settings = DevSettingsFile.in(issuer.home());
            Map<String, String> known = settings.read();
            org = known.getOrDefault(ORG_ID_VARIABLE, "");
            apiKey = known.getOrDefault(API_KEY_VARIABLE, "");
            if (org.isBlank() || apiKey.length() < DigiLockerProperties.MIN_KEY_LENGTH) {
                byte[] random = new byte[30];
                new SecureRandom().nextBytes(random);
                org = "pramaan-dev";
                apiKey = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                Map<String, String> lines = new LinkedHashMap<>();
                lines.put(ORG_ID_VARIABLE, org);
                lines.put(API_KEY_VARIABLE, apiKey);
                settings.put(lines);
                LOG.warn("development DigiLocker credentials created; they are in {}: {}", settings.path(),
                        lines.keySet());
            }
        }
        if (org.isBlank()) {
            LOG.info("DigiLocker pull is off: {} and {} are not set", ORG_ID_VARIABLE, API_KEY_VARIABLE);
            this.orgId = null;
            this.key = null;
        } else {
            this.orgId = org.strip();
            this.key = new SecretKeySpec(apiKey.getBytes(StandardCharsets.UTF_8), HMAC);
        }
    }

    public boolean enabled() {
        return key != null;
    }

    /** The orgId DigiLocker must send, when the pull is on. */
    public Optional<String> orgId() {
        return Optional.ofNullable(orgId);
    }

    /**
     * Whether {@code header} is the Base64 HMAC-SHA256 of {@code body} under the API key, compared in constant time
     * (a header that is not Base64, or of another length, simply does not match).
     */
    public boolean signed(byte[] body, int length, String header) {
        if (key == null || header == null) {
            return false;
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(header.strip());
        } catch (IllegalArgumentException e) {
            presented = new byte[0];
        }
        return MessageDigest.isEqual(mac(body, length), presented);
    }

    /** True when {@code presented} is the configured orgId, compared in constant time. */
    public boolean sameOrg(String presented) {
        if (orgId == null || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(orgId.getBytes(StandardCharsets.UTF_8),
                presented.strip().getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(byte[] body, int length) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            mac.update(body, 0, length);
            return mac.doFinal();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
