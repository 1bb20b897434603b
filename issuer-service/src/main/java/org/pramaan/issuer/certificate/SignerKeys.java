package org.pramaan.issuer.certificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.DevelopmentPki;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.issuer.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Each issuing department's document-signing key: development keys under {@code PRAMAAN_HOME/keys}
 * (made on first run), or in production one configured PKCS#12 file per department.
 */
@Component
public class SignerKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SignerKeys.class);

    private final Map<DepartmentCode, SignerKey> keys;

    public SignerKeys(IssuerProperties properties, Catalog catalog, Clock clock) {
        try {
            if (properties.keys().development()) {
                DevelopmentPki pki = DevelopmentPki.open(properties.keysFolder(), catalog.issuingDepartments(), clock);
                if (pki.created()) {
                    LOG.warn("made development signer keys in {}: for a laptop only", properties.keysFolder());
                }
                keys = Map.copyOf(pki.signers());
            } else {
                Map<DepartmentCode, SignerKey> loaded = new LinkedHashMap<>();
                for (DepartmentCode department : catalog.issuingDepartments()) {
                    // Environment variables (PRAMAAN_KEYS_FILES_REV) bind as lower-case map keys.
                    String lower = department.value().toLowerCase(java.util.Locale.ROOT);
                    Path file = properties.keys().files().getOrDefault(department.value(),
                            properties.keys().files().get(lower));
                    if (file == null) {
                        throw new IllegalStateException("no signer key configured for department " + department
                                + " (PRAMAAN_KEYS_FILES_" + department + " = a PKCS#12 file)");
                    }
                    String password = properties.keys().passwords().getOrDefault(department.value(),
                            properties.keys().passwords().getOrDefault(lower, ""));
                    SignerKey key = KeyFiles.loadPkcs12(file, password.toCharArray(), null);
                    if (!key.department().equals(department)) {
                        throw new IllegalStateException(file + " holds the signer key of " + key.department()
                                + ", not of " + department);
                    }
                    loaded.put(department, key);
                }
                keys = Map.copyOf(loaded);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load signer keys: " + e.getMessage(), e);
        }
    }

    public SignerKey signer(DepartmentCode department) {
        SignerKey key = keys.get(department);
        if (key == null) {
            throw new IllegalStateException("department " + department + " has no signer key");
        }
        return key;
    }

    public Map<DepartmentCode, SignerKey> all() {
        return keys;
    }
}
