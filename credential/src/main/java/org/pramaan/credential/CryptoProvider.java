package org.pramaan.credential;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.pramaan.credential.keys.KeyPairs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JCA provider behind every ES256 signature and SHA-256 digest of the credential library, chosen
 * once per JVM. Amazon Corretto Crypto Provider (AWS-LC, native code) by default: it verifies P-256
 * about 15 to 40 times faster than the JDK's SunEC and speaks COSE's raw r||s form
 * ({@code SHA256withECDSAinP1363Format}) itself, where Conscrypt, about as fast at verifying, only has
 * DER and signs half as fast. Where its native library cannot load (another OS or CPU) or fails its
 * self-test, the JDK's provider is used after one WARN. {@code PRAMAAN_CRYPTO_PROVIDER=jdk} (or the
 * system property {@code pramaan.crypto.provider}) forces the JDK provider.
 *
 * <p>The provider is used by name for these operations only, never installed as the JVM's preferred
 * provider: TLS, the Fabric client and everything else keep the platform's choice.
 */
public final class CryptoProvider {

    /** System property that chooses the provider: {@code native} (default) or {@code jdk}. */
    public static final String PROPERTY = "pramaan.crypto.provider";
    /** Environment variable read when the system property is absent. */
    public static final String ENVIRONMENT = "PRAMAAN_CRYPTO_PROVIDER";

    private static final Logger log = LoggerFactory.getLogger(CryptoProvider.class);
    private static final CryptoProvider ACTIVE = choose(requested());

    private final Provider signatures;
    private final Provider digests;
    private final boolean nativeCode;
    private final String description;

    private CryptoProvider(Provider signatures, Provider digests, boolean nativeCode, String description) {
        this.signatures = signatures;
        this.digests = digests;
        this.nativeCode = nativeCode;
        this.description = description;
    }

    /** The provider in use in this JVM. */
    public static CryptoProvider active() {
        return ACTIVE;
    }

    /** The provider of ES256 signatures (and of SHA-256 when native). */
    public Provider provider() {
        return signatures;
    }

    /** True when the native provider is in use, false on the JDK fallback. */
    public boolean isNative() {
        return nativeCode;
    }

    /** One line for {@code /actuator/info} and {@code --version}, e.g. "AmazonCorrettoCryptoProvider 2.5.0 (AWS-LC v1.47.0), native". */
    public String description() {
        return description;
    }

    /** What {@code /actuator/info} shows under {@code crypto}: provider name, version, native or not, and the line. */
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("provider", signatures.getName());
        info.put("version", signatures.getVersionStr());
        info.put("native", nativeCode);
        info.put("description", description);
        return info;
    }

    /** A new {@code SHA256withECDSAinP1363Format} (COSE and JWS ES256) signature object; not thread-safe. */
    public Signature es256() {
        try {
            return Signature.getInstance(Es256.ALGORITHM, signatures);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(signatures.getName() + " lost " + Es256.ALGORITHM, e);
        }
    }

    /** A new SHA-256 digest; not thread-safe. */
    public MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256", digests);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(digests.getName() + " lost SHA-256", e);
        }
    }

    /** Signs {@code data} as ES256 in raw r||s form; a key of another provider (a PKCS#11 token's) signs there. */
    public byte[] signEs256(PrivateKey key, byte[] data) throws GeneralSecurityException {
        return Es256.sign(key, data);
    }

    @Override
    public String toString() {
        return description;
    }

    static String requested() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = System.getenv(ENVIRONMENT);
        }
        return value == null || value.isBlank() ? "native" : value.trim().toLowerCase(Locale.ROOT);
    }

    static CryptoProvider choose(String requested) {
        Provider jdkSignatures = jdkProvider(() -> Signature.getInstance(Es256.ALGORITHM).getProvider());
        Provider jdkDigests = jdkProvider(() -> MessageDigest.getInstance("SHA-256").getProvider());
        String jdk = jdkSignatures.getName() + " " + jdkSignatures.getVersionStr() + " (JDK)";
        switch (requested) {
            case "jdk" -> {
                log.info("Credential signatures use the JDK provider {}, as {} asks", jdk, PROPERTY + "/" + ENVIRONMENT);
                return new CryptoProvider(jdkSignatures, jdkDigests, false, jdk + ", chosen by configuration");
            }
            case "native" -> {
                try {
                    Provider corretto = loadCorretto();
                    log.info("Credential signatures use {} {} (native)", corretto.getName(), corretto.getVersionStr());
                    return new CryptoProvider(corretto, corretto, true, corretto.getInfo() + ", native");
                } catch (Throwable e) {
                    // LinkageError included: a jar without the native library for this OS or CPU.
                    log.warn("The native crypto provider cannot be used here ({}); credential signatures fall back to "
                            + "the JDK provider {}, about 20 times slower", e.toString(), jdk);
                    return new CryptoProvider(jdkSignatures, jdkDigests, false, jdk + ", fallback: native provider unavailable");
                }
            }
            default -> throw new IllegalStateException(PROPERTY + "/" + ENVIRONMENT + " is '" + requested
                    + "'; it takes 'native' (Amazon Corretto Crypto Provider, the default) or 'jdk'");
        }
    }

    /** Loads ACCP and proves it: signs and verifies a probe, and the JDK provider must accept its signature. */
    private static Provider loadCorretto() throws GeneralSecurityException {
        AmazonCorrettoCryptoProvider corretto = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable loadingError = corretto.getLoadingError();
        if (loadingError != null) {
            throw new IllegalStateException("its native library did not load: " + loadingError, loadingError);
        }
        byte[] probe = "pramaan crypto provider self-test".getBytes(StandardCharsets.US_ASCII);
        KeyPair pair = KeyPairs.generateP256();
        Signature signer = Signature.getInstance(Es256.ALGORITHM, corretto);
        signer.initSign(pair.getPrivate());
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature jdk = Signature.getInstance(Es256.ALGORITHM);
        jdk.initVerify(pair.getPublic());
        jdk.update(probe);
        Signature own = Signature.getInstance(Es256.ALGORITHM, corretto);
        own.initVerify(pair.getPublic());
        own.update(probe);
        if (signature.length != CoseSign1.SIGNATURE_LENGTH || !jdk.verify(signature) || !own.verify(signature)) {
            throw new IllegalStateException("its ES256 self-test failed");
        }
        byte[] digest = MessageDigest.getInstance("SHA-256", corretto).digest(probe);
        if (!MessageDigest.isEqual(digest, MessageDigest.getInstance("SHA-256").digest(probe))) {
            throw new IllegalStateException("its SHA-256 self-test failed");
        }
        return corretto;
    }

    private interface ProviderLookup {
        Provider get() throws GeneralSecurityException;
    }

    private static Provider jdkProvider(ProviderLookup lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java platform lacks ES256 or SHA-256", e);
        }
    }
}
