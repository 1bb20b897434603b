package org.pramaan.credential;

import com.google.common.cache.Cache;
import com.google.common.cache.CacheBuilder;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.concurrent.ExecutionException;

/**
 * ECDSA P-256 with SHA-256 in the fixed-length r||s form that COSE uses (IEEE P1363), from the
 * {@link CryptoProvider} (native where it loads). Signature objects are costly to look up and not
 * thread-safe, so each thread keeps one.
 *
 * <p>Keys made elsewhere (the JDK's, from PEM files and certificates) are parsed into the native
 * provider's own keys once and kept. Handed a foreign key, ACCP 2.5.0 makes a temporary ("ephemeral")
 * native copy at each change of key and frees it at the next; a key it cannot copy (a PKCS#11 token's)
 * leaves the object holding a freed copy, and every later init then fails with "Key has been destroyed"
 * (seen in this suite). So keys it cannot hold go straight to the platform, and an object that threw
 * is dropped, never reused.
 */
final class Es256 {

    static final String ALGORITHM = "SHA256withECDSAinP1363Format";

    private static final ThreadLocal<Signature> SIGNATURE = ThreadLocal.withInitial(() -> CryptoProvider.active().es256());
    /** Foreign key (by identity: certificates and signers keep theirs) to the provider's own; a few per department. */
    private static final Cache<Key, Key> TRANSLATED = CacheBuilder.newBuilder().weakKeys().maximumSize(10_000).build();

    private Es256() {
    }

    static byte[] sign(PrivateKey key, byte[] data) throws GeneralSecurityException {
        Key own = own(key);
        Signature signature = own == null ? null : threadSigner((PrivateKey) own);
        if (signature == null) {
            // A key another provider holds (a PKCS#11 token's): the thread's object is bound to the chosen
            // provider, so this one gets its own, which the platform finds by the key.
            signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(data);
            return signature.sign();
        }
        try {
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException | RuntimeException e) {
            SIGNATURE.remove();
            throw e;
        }
    }

    /** The thread's object ready to sign with {@code key}, or null when its provider refuses the key. */
    private static Signature threadSigner(PrivateKey key) {
        Signature signature = SIGNATURE.get();
        try {
            signature.initSign(key);
            return signature;
        } catch (InvalidKeyException e) {
            SIGNATURE.remove();
            return null;
        }
    }

    static boolean verify(PublicKey key, byte[] data, byte[] signatureBytes) {
        Signature signature = SIGNATURE.get();
        try {
            Key own = own(key);
            signature.initVerify((PublicKey) (own == null ? key : own));
            signature.update(data);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            // A signature that cannot even be parsed is a failed signature, not an error.
            SIGNATURE.remove();
            return false;
        }
    }

    /**
     * The key for the thread's object: itself on the JDK provider or when already native, else the native
     * provider's own copy (parsed once); null for a key the native provider cannot hold (no encoding).
     */
    private static Key own(Key key) {
        CryptoProvider provider = CryptoProvider.active();
        if (!provider.isNative() || key.getClass().getName().startsWith("com.amazon.corretto.")) {
            return key;
        }
        if (!"EC".equals(key.getAlgorithm()) || key.getEncoded() == null) {
            return null;
        }
        try {
            return TRANSLATED.get(key, () -> parse(provider, key));
        } catch (ExecutionException e) {
            return null;
        }
    }

    /** Parsed from the encoding, not translateKey (whose copies are ephemeral and freed by the next init). */
    private static Key parse(CryptoProvider provider, Key key) throws GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance("EC", provider.provider());
        return key instanceof PublicKey
                ? factory.generatePublic(new X509EncodedKeySpec(key.getEncoded()))
                : factory.generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
    }
}
