package org.pramaan.issuer.certificate;

import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.DevelopmentPki;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.issuer.IssuerProperties;
import org.pramaan.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The document-signing keys this service holds, several per department once keys have been rotated:
 * development keys under {@code PRAMAAN_HOME/keys} (made on first run; rotated ones under
 * {@code keys/<DEPT>/rotated/<kid>.pem}), or in production one configured PKCS#12 file per
 * department. Holding a key is not permission to use it: {@link LedgerSigners} picks, per
 * department, the held key the ledger lists as usable at that moment.
 */
@Component
public class SignerKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SignerKeys.class);

    private final IssuerProperties properties;
    private final Catalog catalog;
    private final Clock clock;
    /** The key each department started with (registered on the ledger in development). */
    private final Map<DepartmentCode, SignerKey> initial;
    private final Map<DepartmentCode, Map<KeyId, SignerKey>> held = new ConcurrentHashMap<>();
    private final CertificateAuthority developmentRoot;

    public SignerKeys(IssuerProperties properties, Catalog catalog, Clock clock) {
        this(properties, catalog, clock, new HardwareKeys(null, null));
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SignerKeys(IssuerProperties properties, Catalog catalog, Clock clock, HardwareKeys hardware) {
        this.properties = properties;
        this.catalog = catalog;
        this.clock = clock;
        try {
            if (hardware.configured()) {
                initial = Map.copyOf(fromToken(hardware, catalog));
                developmentRoot = null;
            } else if (properties.keys().development()) {
                // Another instance on this home may be making them right now: one set of keys for all of them.
                DevelopmentPki pki = org.pramaan.issuer.HomeLock.holding(properties.home(), () -> {
                    try {
                        return DevelopmentPki.open(properties.keysFolder(), catalog.issuingDepartments(), this::profile, clock);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot load signer keys: " + e.getMessage(), e);
                    }
                });
                if (pki.created()) {
                    LOG.warn("made development signer keys in {}: for a laptop only", properties.keysFolder());
                }
                initial = Map.copyOf(pki.signers());
                developmentRoot = pki.root();
            } else {
                initial = Map.copyOf(configuredFiles());
                developmentRoot = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load signer keys: " + e.getMessage(), e);
        }
        initial.values().forEach(this::hold);
        reload();
    }

    /**
     * Every department key on the PKCS#11 token is held (the ledger picks which one signs); each issuing
     * department needs at least one. The private keys stay in the token: signing happens there.
     */
    private Map<DepartmentCode, SignerKey> fromToken(HardwareKeys hardware, Catalog catalog) {
        char[] pin = hardware.pin() == null ? new char[0] : hardware.pin().toCharArray();
        java.util.List<SignerKey> onToken = org.pramaan.credential.keys.Pkcs11Keys.open(hardware.config(), pin).signers();
        Map<DepartmentCode, SignerKey> first = new LinkedHashMap<>();
        for (SignerKey key : onToken) {
            if (catalog.issuingDepartments().contains(key.department())) {
                hold(key);
                first.putIfAbsent(key.department(), key);
            }
        }
        for (DepartmentCode department : catalog.issuingDepartments()) {
            if (!first.containsKey(department)) {
                throw new IllegalStateException("the PKCS#11 token of " + hardware.config() + " holds no signer key of "
                        + department + " (a key entry whose certificate has OU=" + department + ")");
            }
        }
        LOG.info("signer keys from the PKCS#11 token of {}: {}", hardware.config(), onToken.stream()
                .map(k -> k.department() + "/" + k.kid().hex()).toList());
        return first;
    }

    private Map<DepartmentCode, SignerKey> configuredFiles() throws IOException {
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
        return loaded;
    }

    /** Reads rotated development keys another instance (or an earlier run) wrote; returns how many are new. */
    public synchronized int reload() {
        if (!properties.keys().development()) {
            return 0;
        }
        int found = 0;
        for (DepartmentCode department : catalog.issuingDepartments()) {
            Path folder = rotatedFolder(department);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path cert : files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{16}\\.pem")).toList()) {
                    String kid = cert.getFileName().toString().replace(".pem", "");
                    if (held(department).containsKey(KeyId.of(kid))) {
                        continue;
                    }
                    hold(KeyFiles.loadPem(folder.resolve(kid + ".key.pem"), cert));
                    found++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read rotated keys in " + folder + ": " + e.getMessage(), e);
            }
        }
        return found;
    }

    /**
     * A new key for {@code department}, made and kept (development: signed by the development root
     * and written under {@code keys/<DEPT>/rotated/}); it signs nothing until the ledger lists it.
     */
    public synchronized SignerKey create(DepartmentCode department) {
        if (developmentRoot == null) {
            // A production signer certificate is the state CA's to issue, from a key in its module.
            throw new RefusalException(ProblemCode.CONFLICT, "new signer keys are made here only with development keys"
                    + " (ISSUER_DEV_KEYS=true); in production the state CA issues them");
        }
        java.time.Instant notBefore = clock.instant().minusSeconds(60);
        SignerKey key = developmentRoot.issueSigner(department, profile(department), notBefore,
                java.time.Duration.ofDays(5 * 365));
        Path folder = rotatedFolder(department);
        String kid = key.kid().hex();
        try {
            Files.createDirectories(folder);
            KeyFiles.writePrivateKey(key.privateKey(), folder.resolve(kid + ".key.pem"));
            KeyFiles.writeCertificate(key.certificate(), folder.resolve(kid + ".pem"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new key of " + department + ": " + e.getMessage(), e);
        }
        hold(key);
        return key;
    }

    /**
     * What a new development signer certificate says: the department's English name (PDF readers show it as
     * the signer) and this service's CRL of department certificates ({@code seal.RevocationListController}).
     */
    private org.pramaan.credential.keys.SignerProfile profile(DepartmentCode department) {
        String name = catalog.department(department).map(d -> d.names().en()).orElse(department.value());
        return new org.pramaan.credential.keys.SignerProfile(name,
                java.net.URI.create(properties.publicBaseUrl() + CRL_PATH));
    }

    /** Where this service serves the CRL of department signing certificates (development keys). */
    public static final String CRL_PATH = "/api/v1/crl/department-signers.crl";

    private void hold(SignerKey key) {
        held.computeIfAbsent(key.department(), d -> new ConcurrentHashMap<>()).put(key.kid(), key);
    }

    private Path rotatedFolder(DepartmentCode department) {
        return properties.keysFolder().resolve(department.value()).resolve("rotated");
    }

    /** The development state root, when the keys are development keys (it certifies the development TSA). */
    public java.util.Optional<CertificateAuthority> developmentRoot() {
        return java.util.Optional.ofNullable(developmentRoot);
    }

    /** The keys held for {@code department}, by kid. */
    public Map<KeyId, SignerKey> held(DepartmentCode department) {
        return held.getOrDefault(department, Map.of());
    }

    /** The key the department started with (what development registers on the ledger). */
    public SignerKey signer(DepartmentCode department) {
        SignerKey key = initial.get(department);
        if (key == null) {
            throw new IllegalStateException("department " + department + " has no signer key");
        }
        return key;
    }

    /** Each department's initial key. */
    public Map<DepartmentCode, SignerKey> all() {
        return initial;
    }

    /** Every held key, for listings. */
    public List<SignerKey> everyHeldKey() {
        List<SignerKey> all = new ArrayList<>();
        held.values().forEach(m -> all.addAll(m.values()));
        return all;
    }
}
