package org.pramaan.credential.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Department signer keys kept in a hardware module (an HSM, a smart card, SoftHSM2 in tests),
 * reached through Java's own SunPKCS11 provider: the private keys never leave the token; signing
 * happens inside it. The token holds one key entry per signer key (its certificate's OU names the
 * department), as many per department as rotation left there; which one signs is the ledger's
 * decision, not the token's order.
 *
 * <pre>{@code
 * Pkcs11Keys token = Pkcs11Keys.open(Path.of("/etc/pramaan/pkcs11.cfg"), pin);
 * List<SignerKey> keys = token.signers();
 * }</pre>
 */
public final class Pkcs11Keys {

    /**
     * One provider per configuration, registered once: a token's keys work only with the provider
     * instance that opened them, and signing finds that instance among the registered ones.
     */
    private static final java.util.Map<Path, Provider> PROVIDERS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Provider provider;
    private final KeyStore store;

    private Pkcs11Keys(Provider provider, KeyStore store) {
        this.provider = provider;
        this.store = store;
    }

    /**
     * Opens the token described by a SunPKCS11 configuration file ({@code name}, {@code library},
     * {@code slot} or {@code tokenLabel}...) with its user PIN. The provider is registered with the
     * platform, because signing looks the provider up by the key it is given.
     */
    public static Pkcs11Keys open(Path configuration, char[] pin) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(pin, "pin");
        if (!Files.isReadable(configuration)) {
            throw new IllegalArgumentException("PKCS#11 configuration " + configuration + " cannot be read");
        }
        Provider provider = PROVIDERS.computeIfAbsent(configuration.toAbsolutePath().normalize(), Pkcs11Keys::configure);
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            return new Pkcs11Keys(provider, store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot open the PKCS#11 token of " + configuration + " (wrong PIN?): "
                    + e.getMessage(), e);
        }
    }

    private static Provider configure(Path configuration) {
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("this Java runtime has no SunPKCS11 provider (module jdk.crypto.cryptoki)");
        }
        Provider provider;
        try {
            provider = base.configure(configuration.toString());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot load the PKCS#11 module named in " + configuration + ": "
                    + e.getMessage(), e);
        }
        if (Security.getProvider(provider.getName()) != null) {
            throw new IllegalStateException("a PKCS#11 provider named " + provider.getName() + " is registered already;"
                    + " give " + configuration + " a name of its own");
        }
        Security.addProvider(provider);
        return provider;
    }

    /** Every signer key on the token: each private key entry whose certificate names a department. */
    public List<SignerKey> signers() {
        try {
            List<SignerKey> keys = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (!store.isKeyEntry(alias)) {
                    continue;
                }
                X509Certificate certificate = (X509Certificate) store.getCertificate(alias);
                PrivateKey key = (PrivateKey) store.getKey(alias, null);
                if (certificate == null || key == null) {
                    continue;
                }
                keys.add(new SignerKey(KeyFiles.departmentOf(certificate, Path.of("pkcs11:" + alias)), key,
                        certificate));
            }
            return keys;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the signer keys on the PKCS#11 token: " + e.getMessage(), e);
        }
    }

    /** Stores a signer key and its certificate on the token under {@code alias} (provisioning, tests). */
    public void store(String alias, SignerKey key) {
        try {
            store.setKeyEntry(alias, key.privateKey(), null, new java.security.cert.Certificate[] {key.certificate()});
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot store key " + alias + " on the PKCS#11 token: " + e.getMessage(), e);
        }
    }

    public Provider provider() {
        return provider;
    }
}
