package org.pramaan.network.identity;

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
import java.util.Objects;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.KeyFiles;

/**
 * The crypto material of the development network, kept as PEM files in one folder (by default
 * {@code .pramaan/network}); what is missing is made on first use, what exists is reused, so that
 * every local process speaks as the same people to the same peer.
 *
 * <pre>
 * GovMSP/ca.pem, ca.key.pem        AuditMSP/ca.pem, ca.key.pem     signing CAs (the MSP roots)
 * GovMSP/peer0/cert.pem, key.pem   AuditMSP/peer0/...              endorsers (OU=peer)
 * GovMSP/admin/...                 role=admin
 * GovMSP/issuer-REV/...            role=issuer, dept=REV; one per department
 * GovMSP/verifier/...              role=verifier
 * AuditMSP/auditor/...             role=auditor
 * tls/ca.pem, ca.key.pem           TLS root
 * tls/peer/cert.pem, key.pem       SANs peer0.gov.pramaan.local, localhost, 127.0.0.1
 * tls/chaincode/cert.pem, key.pem  SANs localhost, 127.0.0.1
 * connection.json                  see {@link ConnectionFile}
 * </pre>
 */
public final class NetworkMaterial {

    public static final String GOV = "GovMSP";
    public static final String AUDIT = "AuditMSP";
    public static final List<String> ORGANISATIONS = List.of(GOV, AUDIT);
    public static final String PEER_HOST = "peer0.gov.pramaan.local";
    private static final String PEER_NAME = "peer0";
    private static final Duration VALIDITY = Duration.ofDays(5 * 365);

    private final Path folder;
    private final Instant notBefore;
    private final Map<String, CertificateAuthority> authorities = new LinkedHashMap<>();
    private final Map<String, ClientEntry> clients = new LinkedHashMap<>();
    private CertificateAuthority tlsAuthority;

    /** Where a client identity's files are, relative to the folder, and which organisation it belongs to. */
    public record ClientEntry(String mspId, Path directory) {
    }

    private NetworkMaterial(Path folder, Instant notBefore) {
        this.folder = folder;
        this.notBefore = notBefore;
    }

    /** Opens {@code folder}, making any missing CA, peer, client or TLS identity for {@code departments}. */
    public static NetworkMaterial open(Path folder, List<String> departments, Clock clock) throws IOException {
        Objects.requireNonNull(departments, "departments");
        Instant notBefore = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(1));
        NetworkMaterial material = new NetworkMaterial(folder.toAbsolutePath(), notBefore);
        for (String msp : ORGANISATIONS) {
            material.authorities.put(msp, material.authority(Path.of(msp), msp + " Development CA"));
            material.node(msp, PEER_NAME, "peer", Map.of());
        }
        material.tlsAuthority = material.authority(Path.of("tls"), "Pramaan Development TLS CA");
        material.tls("peer", List.of(PEER_HOST, "localhost", "127.0.0.1"));
        material.tls("chaincode", List.of("localhost", "127.0.0.1"));
        material.client("admin", GOV, "admin", Map.of("role", "admin"));
        java.util.Set<String> all = new java.util.TreeSet<>(departments);
        all.addAll(material.existingDepartments());
        for (String department : all) {
            material.client(department, GOV, "issuer-" + department, Map.of("role", "issuer", "dept", department));
        }
        material.client("verifier", GOV, "verifier", Map.of("role", "verifier"));
        material.client("auditor", AUDIT, "auditor", Map.of("role", "auditor"));
        return material;
    }

    public Path folder() {
        return folder;
    }

    /** The MSP root certificate of each organisation. */
    public Map<String, X509Certificate> organisationRoots() {
        Map<String, X509Certificate> roots = new LinkedHashMap<>();
        authorities.forEach((msp, ca) -> roots.put(msp, ca.certificate()));
        return roots;
    }

    /** The CA of {@code mspId}, for tests that mint identities of their own. */
    public CertificateAuthority authority(String mspId) {
        return Objects.requireNonNull(authorities.get(mspId), () -> "no organisation " + mspId);
    }

    /** The endorsing peer identity of {@code mspId}. */
    public Member peer(String mspId) throws IOException {
        return Member.load(mspId, folder.resolve(mspId).resolve(PEER_NAME));
    }

    /** Client identities by connection-file name: admin, each department code, verifier, auditor. */
    public Map<String, ClientEntry> clients() {
        return java.util.Collections.unmodifiableMap(clients);
    }

    public Member client(String name) throws IOException {
        ClientEntry entry = Objects.requireNonNull(clients.get(name), () -> "no client identity " + name);
        return Member.load(entry.mspId(), folder.resolve(entry.directory()));
    }

    public Path tlsRootFile() {
        return folder.resolve("tls/ca.pem");
    }

    public Member peerTls() throws IOException {
        return Member.load("tls", folder.resolve("tls/peer"));
    }

    public Path chaincodeTlsFolder() {
        return folder.resolve("tls/chaincode");
    }

    public Member chaincodeTls() throws IOException {
        return Member.load("tls", chaincodeTlsFolder());
    }

    private CertificateAuthority authority(Path relative, String commonName) throws IOException {
        Path cert = folder.resolve(relative).resolve("ca.pem");
        Path key = folder.resolve(relative).resolve("ca.key.pem");
        if (Files.exists(cert) && Files.exists(key)) {
            return new CertificateAuthority(KeyFiles.readPrivateKey(key), KeyFiles.readCertificate(cert));
        }
        CertificateAuthority ca = CertificateAuthority.createRoot(commonName, notBefore, VALIDITY);
        KeyFiles.writePrivateKey(ca.key(), key);
        KeyFiles.writeCertificate(ca.certificate(), cert);
        return ca;
    }

    private void node(String msp, String name, String nodeOu, Map<String, String> attributes) throws IOException {
        Path dir = folder.resolve(msp).resolve(name);
        if (!Files.exists(dir.resolve("cert.pem")) || !Files.exists(dir.resolve("key.pem"))) {
            new CertificateMinter(authorities.get(msp), notBefore, VALIDITY).node(msp, name, nodeOu, attributes).save(dir);
        }
    }

    private void client(String key, String msp, String name, Map<String, String> attributes) throws IOException {
        node(msp, name, "client", attributes);
        clients.put(key, new ClientEntry(msp, Path.of(msp, name)));
    }

    /** Departments whose issuer identities an earlier run made, so that reopening with fewer codes keeps them. */
    private List<String> existingDepartments() throws IOException {
        Path gov = folder.resolve(GOV);
        if (!Files.isDirectory(gov)) {
            return List.of();
        }
        try (var entries = Files.list(gov)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("issuer-"))
                    .map(n -> n.substring("issuer-".length())).toList();
        }
    }

    private void tls(String name, List<String> hosts) throws IOException {
        Path dir = folder.resolve("tls").resolve(name);
        if (!Files.exists(dir.resolve("cert.pem")) || !Files.exists(dir.resolve("key.pem"))) {
            new CertificateMinter(tlsAuthority, notBefore, VALIDITY).tlsServer(name, hosts).save(dir);
        }
    }
}
