package org.pramaan.verifier.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.CertificateRequest;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.issuer.IssuerNames;
import org.pramaan.contract.issuer.IssuerRegistration;
import org.pramaan.contract.issuer.SignerRegistration;
import org.pramaan.credential.CertificateBody;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.keys.DevelopmentPki;
import org.pramaan.credential.keys.KeyFiles;
import org.pramaan.credential.keys.SignerKey;
import org.pramaan.ledger.Committed;
import org.pramaan.ledger.Ledger;
import org.pramaan.ledger.fabric.FabricLedger;
import org.pramaan.network.DevNetwork;

/**
 * A department issuing into the same ledger the verifier reads, as issuer-service would: through
 * the Fabric Gateway of the development network, the state admin registers the department and its
 * signer key, the department's own ledger identity anchors, and the development keys sign. Real ledger, real signatures, nothing faked.
 */
public final class DepartmentIssuer implements AutoCloseable {

    public static final String VERIFIER_URL = "https://verify.example.gov.in";

    private final FabricLedger fabric;
    private final Ledger admin;
    private final Ledger issuer;
    private final SignerKey signer;
    private final DepartmentCode department;
    private final Clock clock;

    private DepartmentIssuer(FabricLedger fabric, Ledger admin, Ledger issuer, SignerKey signer, DepartmentCode department,
                             Clock clock) {
        this.fabric = fabric;
        this.admin = admin;
        this.issuer = issuer;
        this.signer = signer;
        this.department = department;
        this.clock = clock;
    }

    /** Opens the ledgers and registers {@code code} with its development signer key (idempotent). */
    public static DepartmentIssuer open(DataSource dataSource, Path home, String code, String englishName) {
        Clock clock = Clock.systemUTC();
        try {
            FabricLedger fabric = FabricLedger.connect(DevNetwork.shared().connectionFile(), dataSource,
                    FabricLedger.Settings.defaults());
            Ledger admin = fabric.ledger("admin");
            Ledger issuer = fabric.ledger(code);
            DepartmentCode department = DepartmentCode.of(code);
            SignerKey signer = DevelopmentPki.open(home.resolve("keys"), List.of(department), clock).signer(department);
            if (admin.issuer(code).isEmpty()) {
                admin.registerIssuer(new IssuerRegistration(org.pramaan.contract.id.DepartmentCode.of(code),
                        new IssuerNames(englishName, englishName + " (తెలుగు)", englishName + " (हिन्दी)")));
            }
            admin.addSignerKey(code, new SignerRegistration(org.pramaan.contract.id.KeyId.of(signer.kid().hex()),
                    KeyFiles.toPem(signer.certificate()), signer.certificate().getNotBefore().toInstant(),
                    signer.certificate().getNotAfter().toInstant()));
            return new DepartmentIssuer(fabric, admin, issuer, signer, department, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Claims for a fresh income certificate valid for a year. */
    /** The department's signing key (the one the ledger lists), for tests that sign a PDF as the issuer does. */
    public SignerKey signer() {
        return signer;
    }

    public CertificateClaims claims(String holderName) {
        Instant now = clock.instant();
        return claims(holderName, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
    }

    public CertificateClaims claims(String holderName, Instant issuedAt, Instant expiresAt) {
        return claims(holderName, "INC", Map.of("ai", "96000", "yr", "2025-26"), issuedAt, expiresAt);
    }

    /** Claims for a fresh certificate of {@code type} with these fields, valid for a year. */
    public CertificateClaims claims(String holderName, String type, Map<String, String> fields) {
        Instant now = clock.instant();
        return claims(holderName, type, fields, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
    }

    private CertificateClaims claims(String holderName, String type, Map<String, String> fields, Instant issuedAt,
                                     Instant expiresAt) {
        CertificateId id = CertificateId.generate(department, type, Year.from(issuedAt.atZone(ZoneOffset.UTC)));
        return new CertificateClaims(department, id, issuedAt, expiresAt,
                new CertificateBody(type, holderName, fields, Language.TE));
    }

    public SignedCredential sign(CertificateClaims claims) {
        return new CredentialSigner(signer).sign(claims);
    }

    /** Signs and anchors; returns the credential and the commit. */
    public Committed<?> anchor(SignedCredential credential) {
        return anchorAll(List.of(credential));
    }

    /** Anchors these in one transaction (at most the contract's batch limit, 1,000 by default). */
    public Committed<?> anchorAll(List<SignedCredential> credentials) {
        return issuer.issue(credentials.stream().map(this::request).toList());
    }

    private CertificateRequest request(SignedCredential credential) {
        CertificateClaims claims = credential.claims();
        return new CertificateRequest(
                org.pramaan.contract.id.CertificateId.of(claims.certificateId().toString()),
                org.pramaan.contract.id.DepartmentCode.of(department.value()), claims.body().type(),
                ClaimsHash.of(credential.claimsHashHex()), org.pramaan.contract.id.KeyId.of(credential.kid().hex()),
                claims.expiresAt());
    }

    public SignedCredential issue(String holderName) {
        return issue(claims(holderName));
    }

    /** Signs and anchors these claims. */
    public SignedCredential issue(CertificateClaims claims) {
        SignedCredential credential = sign(claims);
        anchor(credential);
        return credential;
    }

    public Committed<?> revoke(SignedCredential credential) {
        return issuer.revoke(credential.claims().certificateId().toString(), ReasonCode.ISSUED_IN_ERROR);
    }

    /** Marks {@code old} SUPERSEDED by {@code replacement}, which must be anchored already. */
    public Committed<?> supersede(SignedCredential old, SignedCredential replacement) {
        return issuer.supersede(old.claims().certificateId().toString(),
                replacement.claims().certificateId().toString());
    }

    public Committed<?> hold(SignedCredential credential) {
        return issuer.hold(credential.claims().certificateId().toString(), HoldCode.UNDER_SCRUTINY);
    }

    public Committed<?> release(SignedCredential credential) {
        return issuer.release(credential.claims().certificateId().toString());
    }

    /** The state withdraws this department's key from {@code from} on (a compromise found later). */
    public Committed<?> withdrawKey(Instant from) {
        return admin.revokeSignerKey(department.value(), signer.kid().hex(), from,
                org.pramaan.contract.issuer.SignerRevocationCode.KEY_COMPROMISE);
    }

    public String url(SignedCredential credential) {
        return credential.url(VERIFIER_URL);
    }

    @Override
    public void close() {
        fabric.close();
    }
}
