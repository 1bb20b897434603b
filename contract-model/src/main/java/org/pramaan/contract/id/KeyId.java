package org.pramaan.contract.id;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;

/**
 * The COSE {@code kid} of a department signer: the first 8 bytes of SHA-256 over the signer
 * certificate's DER, as the EU Digital COVID Certificate does. Short enough for the QR, stable for
 * the certificate's life, and computable by anyone holding the certificate.
 *
 * <p>In JSON and on the ledger it is 16 lower-case hex characters, and {@link #of(String)} accepts
 * that canonical form only, so that one key has exactly one spelling in state keys; {@link #parse}
 * also takes upper case, for people typing a kid. A malformed kid is a
 * {@link org.pramaan.contract.core.ContractViolation} ({@code INVALID_ARGUMENT}).
 */
public final class KeyId implements Comparable<KeyId> {

    public static final int LENGTH = 8;
    private static final Pattern CANONICAL = Pattern.compile("[0-9a-f]{16}");
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private KeyId(byte[] bytes) {
        this.bytes = bytes;
    }

    public static KeyId of(byte[] bytes) {
        Checks.present(bytes, "kid");
        if (bytes.length != LENGTH) {
            throw ErrorCode.INVALID_ARGUMENT.exception("key id must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return new KeyId(bytes.clone());
    }

    /** The canonical form only: 16 lower-case hex characters, as stored on the ledger. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static KeyId of(String value) {
        Checks.present(value, "kid");
        if (!CANONICAL.matcher(value).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception("kid must be 16 lower-case hex characters: '" + value + "'");
        }
        return new KeyId(HEX.parseHex(value));
    }

    /** Parses the 16-character lower- or upper-case hex form. */
    public static KeyId parse(String hex) {
        Checks.present(hex, "kid");
        String lower = hex.toLowerCase(Locale.ROOT);
        if (!CANONICAL.matcher(lower).matches()) {
            throw ErrorCode.INVALID_ARGUMENT.exception("key id must be 16 hex characters: '" + hex + "'");
        }
        return new KeyId(HEX.parseHex(lower));
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

    /** The 16 lower-case hex characters; the JSON form. */
    @JsonValue
    public String hex() {
        return HEX.formatHex(bytes);
    }

    /** The same as {@link #hex()}: the text the ledger stores. */
    public String value() {
        return hex();
    }

    @Override
    public int compareTo(KeyId other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
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
