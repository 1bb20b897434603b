package org.pramaan.credential;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;

/**
 * ECDSA P-256 with SHA-256 in the fixed-length r||s form that COSE uses (IEEE P1363), from the
 * platform provider. Signature objects are costly to look up and not thread-safe, so each thread
 * keeps one.
 */
final class Es256 {

    static final String ALGORITHM = "SHA256withECDSAinP1363Format";

    private static final ThreadLocal<Signature> SIGNATURE = ThreadLocal.withInitial(() -> {
        try {
            return Signature.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java platform lacks " + ALGORITHM, e);
        }
    });

    private Es256() {
    }

    static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Signature signature = SIGNATURE.get();
        try {
            signature.initSign(key);
        } catch (java.security.InvalidKeyException e) {
            // A key another provider holds (a PKCS#11 token's): the thread's object is bound to the platform's
            // provider, so this one gets its own, which the platform finds by the key.
            signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
        }
        signature.update(data);
        return signature.sign();
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        try {
            Signature signature = SIGNATURE.get();
            signature.initVerify(key);
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            // A signature that cannot even be parsed is a failed signature, not an error.
            return false;
        }
    }
}
