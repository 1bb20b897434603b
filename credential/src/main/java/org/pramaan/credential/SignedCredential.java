package org.pramaan.credential;

import com.google.common.io.BaseEncoding;
import java.security.MessageDigest;
import java.util.Objects;
import org.pramaan.contract.id.KeyId;

/**
 * A signed certificate credential: the claims and the COSE_Sign1 that carries them. Gives the
 * forms each consumer needs: the claims hash for the ledger, the QR text for the PDF.
 */
public record SignedCredential(CertificateClaims claims, CoseSign1 cose) {

    public SignedCredential {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(cose, "cose");
    }

    /** SHA-256 of the COSE payload (the encoded claims): what the ledger anchors. */
    public byte[] claimsHash() {
        return sha256(cose.payload());
    }

    /** {@link #claimsHash()} as lower-case hex, the ledger's form. */
    public String claimsHashHex() {
        return BaseEncoding.base16().lowerCase().encode(claimsHash());
    }

    public KeyId kid() {
        return cose.kid();
    }

    /** The bare Base32 payload. */
    public String payload() {
        return CredentialText.payload(cose.encode());
    }

    /** The QR text: {@code <VERIFIER BASE URL>/C/<payload>}, upper case. */
    public String url(String verifierBaseUrl) {
        return CredentialText.url(verifierBaseUrl, cose.encode());
    }

    /** Digest objects are not thread-safe; each thread keeps one of the chosen provider's. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> CryptoProvider.active().sha256());

    static byte[] sha256(byte[] bytes) {
        // digest() resets the object, so it is ready for the thread's next use.
        return SHA256.get().digest(bytes);
    }
}
