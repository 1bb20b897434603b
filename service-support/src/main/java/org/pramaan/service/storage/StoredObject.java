package org.pramaan.service.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What the database keeps of an object: its key, the SHA-256 of its bytes and their count.
 *
 * @param key    the object's key in the bucket
 * @param sha256 32 bytes
 * @param size   bytes
 */
public record StoredObject(String key, byte[] sha256, long size) {

    public StoredObject {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        if (key.isBlank()) {
            throw new IllegalArgumentException("an object key is not blank");
        }
        if (sha256.length != 32) {
            throw new IllegalArgumentException("a SHA-256 is 32 bytes, got " + sha256.length);
        }
        if (size < 0) {
            throw new IllegalArgumentException("size " + size);
        }
        sha256 = sha256.clone();
    }

    /** The record {@code bytes} would be stored as under {@code key}. */
    public static StoredObject of(String key, byte[] bytes) {
        return new StoredObject(key, sha256(bytes), bytes.length);
    }

    @Override
    public byte[] sha256() {
        return sha256.clone();
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    /** True when {@code bytes} are this object's bytes. */
    public boolean matches(byte[] bytes) {
        return bytes.length == size && MessageDigest.isEqual(sha256, sha256(bytes));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredObject other && key.equals(other.key) && size == other.size
                && Arrays.equals(sha256, other.sha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, size, Arrays.hashCode(sha256));
    }

    @Override
    public String toString() {
        return "StoredObject[" + key + ", sha256=" + sha256Hex() + ", " + size + " bytes]";
    }
}
