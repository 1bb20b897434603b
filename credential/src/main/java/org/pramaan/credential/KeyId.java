package org.pramaan.credential;

import com.google.common.io.BaseEncoding;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

/**
 * The COSE {@code kid} of a department signer: the first 8 bytes of SHA-256 over the signer
 * certificate's DER, as the EU Digital COVID Certificate does. Short enough for the QR, stable for
 * the certificate's life, and computable by anyone holding the certificate.
 */
public final class KeyId {

    public static final int LENGTH = 8;
    private static final BaseEncoding HEX = BaseEncoding.base16().lowerCase();

    private final byte[] bytes;

    private KeyId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static KeyId of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("key id must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return new KeyId(bytes.clone());
    }

    /** Parses the 16-character lower- or upper-case hex form. */
    public static KeyId parse(String hex) {
        Objects.requireNonNull(hex, "hex");
        try {
            return of(HEX.decode(hex.toLowerCase(java.util.Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key id must be 16 hex characters: '" + hex + "'", e);
        }
    }

    public static KeyId of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new KeyId(Arrays.copyOf(digest, LENGTH));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot compute key id of " + certificate.getSubjectX500Principal(), e);
        }
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HEX.encode(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
