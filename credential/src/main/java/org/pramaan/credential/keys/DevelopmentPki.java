package org.pramaan.credential.keys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.contract.id.DepartmentCode;

/**
 * Development keys kept in a folder (by default {@code .pramaan/keys}): a state root CA and one
 * signer per department, as PEM files. Made on first use and reused after, so QR codes printed
 * yesterday still verify today.
 *
 * <pre>
 * keys/root-ca.pem, keys/root-ca.key.pem
 * keys/REV/signer.pem, keys/REV/signer.key.pem
 * </pre>
 */
public final class DevelopmentPki {

    static final Duration ROOT_VALIDITY = Duration.ofDays(20 * 365);
    static final Duration SIGNER_VALIDITY = Duration.ofDays(5 * 365);

    private final Path folder;
    private final CertificateAuthority root;
    private final Map<DepartmentCode, SignerKey> signers;
    private final boolean created;

    private DevelopmentPki(Path folder, CertificateAuthority root, Map<DepartmentCode, SignerKey> signers, boolean created) {
        this.folder = folder;
        this.root = root;
        this.signers = signers;
        this.created = created;
    }

    /** Loads the keys in {@code folder}, creating whatever is missing for {@code departments}. */
    public static DevelopmentPki open(Path folder, List<DepartmentCode> departments, Clock clock) throws IOException {
        return open(folder, departments, SignerProfile::of, clock);
    }

    /** As {@link #open(Path, List, Clock)}, new signer certificates made with each department's profile. */
    public static DevelopmentPki open(Path folder, List<DepartmentCode> departments,
                                      java.util.function.Function<DepartmentCode, SignerProfile> profiles, Clock clock)
            throws IOException {
        // Back-date by a day so a certificate signed seconds after key creation is inside the validity on any clock.
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        Path rootCert = folder.resolve("root-ca.pem");
        Path rootKey = folder.resolve("root-ca.key.pem");
        boolean created = false;
        CertificateAuthority root;
        if (Files.exists(rootCert) && Files.exists(rootKey)) {
            root = new CertificateAuthority(KeyFiles.readPrivateKey(rootKey), KeyFiles.readCertificate(rootCert));
        } else {
            root = CertificateAuthority.createRoot("Pramaan Development State Root CA", notBefore, ROOT_VALIDITY);
            KeyFiles.writePrivateKey(root.key(), rootKey);
            KeyFiles.writeCertificate(root.certificate(), rootCert);
            created = true;
        }
        Map<DepartmentCode, SignerKey> signers = new LinkedHashMap<>();
        for (DepartmentCode department : departments) {
            Path cert = signerCertificate(folder, department);
            Path key = folder.resolve(department.value()).resolve("signer.key.pem");
            SignerKey signer;
            if (Files.exists(cert) && Files.exists(key)) {
                signer = KeyFiles.loadPem(key, cert);
            } else {
                signer = root.issueSigner(department, profiles.apply(department), notBefore, SIGNER_VALIDITY);
                KeyFiles.writePrivateKey(signer.privateKey(), key);
                KeyFiles.writeCertificate(signer.certificate(), cert);
                created = true;
            }
            signers.put(department, signer);
        }
        return new DevelopmentPki(folder, root, Map.copyOf(signers), created);
    }

    public static Path signerCertificate(Path folder, DepartmentCode department) {
        return folder.resolve(department.value()).resolve("signer.pem");
    }

    public CertificateAuthority root() {
        return root;
    }

    public SignerKey signer(DepartmentCode department) {
        SignerKey key = signers.get(department);
        if (key == null) {
            throw new IllegalArgumentException("no development key for department " + department + " in " + folder);
        }
        return key;
    }

    public Map<DepartmentCode, SignerKey> signers() {
        return signers;
    }

    /** Whether this call made any new key (so the caller can say so once). */
    public boolean created() {
        return created;
    }

    public Path folder() {
        return folder;
    }
}
