package org.pramaan.ledger.dev;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.ledger.identity.IdentityMinter;
import org.pramaan.ledger.identity.LedgerIdentity;

/**
 * The organisations and client identities of a development ledger, kept as PEM files in one folder
 * (by default {@code .pramaan/ledger}) so that every local process (issuer, verifier, bridge) speaks
 * to the same DevLedger as the same people. Made on first use, reused after.
 *
 * <pre>
 * ledger/GovMSP/ca.pem, ca.key.pem          ledger/AuditMSP/ca.pem, ca.key.pem
 * ledger/GovMSP/admin/cert.pem, key.pem     (role=admin)
 * ledger/GovMSP/issuer-REV/cert.pem, ...    (role=issuer, dept=REV), one per department
 * ledger/GovMSP/verifier/cert.pem, ...      (role=verifier, read only)
 * ledger/AuditMSP/auditor/cert.pem, ...     (role=auditor, read only)
 * </pre>
 */
public final class DevIdentities {

    public static final String GOV = "GovMSP";
    public static final String AUDIT = "AuditMSP";
    private static final Duration VALIDITY = Duration.ofDays(5 * 365);

    private final Path folder;
    private final Map<String, CertificateAuthority> authorities;
    private final Instant notBefore;

    private DevIdentities(Path folder, Map<String, CertificateAuthority> authorities, Instant notBefore) {
        this.folder = folder;
        this.authorities = authorities;
        this.notBefore = notBefore;
    }

    /** Opens (creating when missing) the CAs of both organisations in {@code folder}. */
    public static DevIdentities open(Path folder, Clock clock) throws IOException {
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        Map<String, CertificateAuthority> authorities = new LinkedHashMap<>();
        for (String msp : List.of(GOV, AUDIT)) {
            Path cert = folder.resolve(msp).resolve("ca.pem");
            Path key = folder.resolve(msp).resolve("ca.key.pem");
            if (Files.exists(cert) && Files.exists(key)) {
                authorities.put(msp, new CertificateAuthority(KeyFiles.readPrivateKey(key), KeyFiles.readCertificate(cert)));
            } else {
                CertificateAuthority ca = CertificateAuthority.createRoot(msp + " Development CA", notBefore, VALIDITY);
                KeyFiles.writePrivateKey(ca.key(), key);
                KeyFiles.writeCertificate(ca.certificate(), cert);
                authorities.put(msp, ca);
            }
        }
        return new DevIdentities(folder, authorities, notBefore);
    }

    public LedgerIdentity admin() throws IOException {
        return identity(GOV, "admin", Map.of("role", "admin"));
    }

    public LedgerIdentity issuer(String department) throws IOException {
        return identity(GOV, "issuer-" + department, Map.of("role", "issuer", "dept", department));
    }

    public LedgerIdentity verifier() throws IOException {
        return identity(GOV, "verifier", Map.of("role", "verifier"));
    }

    public LedgerIdentity auditor() throws IOException {
        return identity(AUDIT, "auditor", Map.of("role", "auditor"));
    }

    /** The MSP CAs a DevLedger checks identities against. */
    public Map<String, List<X509Certificate>> organisations() {
        Map<String, List<X509Certificate>> organisations = new LinkedHashMap<>();
        authorities.forEach((msp, ca) -> organisations.put(msp, List.of(ca.certificate())));
        return organisations;
    }

    private LedgerIdentity identity(String msp, String name, Map<String, String> attributes) throws IOException {
        Path dir = folder.resolve(msp).resolve(name);
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        if (Files.exists(cert) && Files.exists(key)) {
            return LedgerIdentity.load(msp, cert, key);
        }
        LedgerIdentity minted = new IdentityMinter(msp, authorities.get(msp)).mint(name, attributes, notBefore, VALIDITY);
        KeyFiles.writePrivateKey(minted.privateKey(), key);
        KeyFiles.writeCertificate(minted.certificate(), cert);
        return minted;
    }
}
