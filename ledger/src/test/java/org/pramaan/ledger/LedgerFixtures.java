package org.pramaan.ledger;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.issuer.IssuerNames;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.ledger.identity.IdentityMinter;
import org.pramaan.ledger.identity.LedgerIdentity;

/**
 * The organisations and people of a test ledger: GovMSP (an admin, the Revenue and Health
 * departments' issuers, a read-only verifier) and AuditMSP (an auditor), each minted by its
 * organisation's CA with Fabric CA attributes; and the departments' document signers.
 */
public final class LedgerFixtures {

    public static final String GOV = "GovMSP";
    public static final String AUDIT = "AuditMSP";
    public static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration YEARS = Duration.ofDays(5 * 365);

    public static final CertificateAuthority GOV_CA = CertificateAuthority.createRoot("GovMSP CA", FROM, YEARS);
    public static final CertificateAuthority AUDIT_CA = CertificateAuthority.createRoot("AuditMSP CA", FROM, YEARS);
    private static final IdentityMinter GOV_MINTER = new IdentityMinter(GOV, GOV_CA);

    public static final LedgerIdentity ADMIN = GOV_MINTER.mint("state-admin", Map.of("role", "admin"), FROM, YEARS);
    public static final LedgerIdentity REV_ISSUER = GOV_MINTER.mint("rev-issuer", Map.of("role", "issuer", "dept", "REV"), FROM, YEARS);
    public static final LedgerIdentity HLT_ISSUER = GOV_MINTER.mint("hlt-issuer", Map.of("role", "issuer", "dept", "HLT"), FROM, YEARS);
    public static final LedgerIdentity VERIFIER = GOV_MINTER.mint("verifier", Map.of("role", "verifier"), FROM, YEARS);
    public static final LedgerIdentity AUDITOR =
            new IdentityMinter(AUDIT, AUDIT_CA).mint("auditor", Map.of("role", "auditor"), FROM, YEARS);

    public static final CertificateAuthority STATE_ROOT = CertificateAuthority.createRoot("State Root CA", FROM, YEARS);
    public static final SignerKey REV_SIGNER = STATE_ROOT.issueSigner(DepartmentCode.of("REV"), FROM, YEARS);
    public static final SignerKey HLT_SIGNER = STATE_ROOT.issueSigner(DepartmentCode.of("HLT"), FROM, YEARS);

    private LedgerFixtures() {
    }

    public static Map<String, List<X509Certificate>> organisations() {
        return Map.of(GOV, List.of(GOV_CA.certificate()), AUDIT, List.of(AUDIT_CA.certificate()));
    }

    public static IssuerRegistration department(String code, String english) {
        return new IssuerRegistration(org.pramaan.contract.id.DepartmentCode.of(code),
                new IssuerNames(english, english + " (te)", english + " (hi)"));
    }

    public static SignerRegistration signer(SignerKey key) {
        return new SignerRegistration(org.pramaan.contract.id.KeyId.of(key.kid().hex()), KeyFiles.toPem(key.certificate()),
                key.certificate().getNotBefore().toInstant(), key.certificate().getNotAfter().toInstant());
    }

    /** A request for a fresh income certificate of REV, with a made-up claims hash. */
    public static CertificateRequest revenueCertificate(int n) {
        return request(DepartmentCode.of("REV"), "INC", REV_SIGNER.kid(), n);
    }

    public static CertificateRequest request(DepartmentCode department, String type, KeyId kid, int n) {
        CertificateId id = CertificateId.generate(department, type, Year.of(2026));
        return new CertificateRequest(org.pramaan.contract.id.CertificateId.of(id.toString()),
                org.pramaan.contract.id.DepartmentCode.of(department.value()), type, hash(id + "#" + n),
                org.pramaan.contract.id.KeyId.of(kid.hex()), FROM.plus(Duration.ofDays(3650)));
    }

    public static ClaimsHash hash(String seed) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(seed.getBytes());
            return ClaimsHash.of(HexFormat.of().formatHex(digest));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
