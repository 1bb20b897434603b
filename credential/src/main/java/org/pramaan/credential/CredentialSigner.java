package org.pramaan.credential;

import java.security.GeneralSecurityException;
import java.util.Objects;
import org.pramaan.credential.keys.SignerKey;

/**
 * Signs certificate claims as COSE_Sign1 with a department's document-signing key. Thread-safe;
 * one instance per department key.
 */
public final class CredentialSigner {

    private final SignerKey key;
    private final byte[] protectedHeader;

    public CredentialSigner(SignerKey key) {
        this.key = Objects.requireNonNull(key, "key");
        this.protectedHeader = CoseSign1.protectedHeaderFor(key.kid());
    }

    public SignedCredential sign(CertificateClaims claims) {
        Objects.requireNonNull(claims, "claims");
        if (!claims.issuer().equals(key.department())) {
            throw new IllegalArgumentException(
                    "the key of " + key.department() + " cannot sign a certificate of " + claims.issuer());
        }
        byte[] payload = ClaimsCodec.encode(claims);
        try {
            byte[] signature = Es256.sign(key.privateKey(), CoseSign1.toBeSigned(protectedHeader, payload));
            return new SignedCredential(claims, new CoseSign1(protectedHeader, key.kid(), payload, signature));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with key " + key.kid() + " of " + key.department() + " failed", e);
        }
    }

    public SignerKey key() {
        return key;
    }
}
