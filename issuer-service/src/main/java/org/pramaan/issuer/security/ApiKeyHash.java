package org.pramaan.issuer.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of a machine client's secret: lower-case hex SHA-256. Enough for a random key of 190 bits or
 * more (every key this service makes, and the run script's); a person's password needs BCrypt, a random key does
 * not, since nobody can guess through 2^190 candidates however fast each one is.
 */
public final class ApiKeyHash {

    private ApiKeyHash() {
    }

    public static String of(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Constant-time comparison of {@code secret}'s hash with a stored one. */
    public static boolean matches(String secret, String storedHex) {
        return storedHex != null && MessageDigest.isEqual(of(secret).getBytes(StandardCharsets.US_ASCII),
                storedHex.getBytes(StandardCharsets.US_ASCII));
    }
}
