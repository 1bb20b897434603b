package org.pramaan.issuer.certificate;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;

/**
 * An issued certificate, the aggregate its changes go through (as {@code Application} is for applications): what it
 * certifies and its credential, fixed at issue; then its life, which only {@link #anchor} and {@link #revoke} move
 * on, refusing what cannot happen (anchored twice into different transactions, revoked twice, revoked before the
 * ledger has its record). {@link Certificates} stores what they changed. The PDF and COSE bytes are loaded
 * separately.
 */
public final class Certificate {

    /** Where the ledger holds its record. */
    public record Anchor(String transactionId, Long blockNumber, Instant anchoredAt) {
        public Anchor {
            Objects.requireNonNull(transactionId, "transactionId");
            Objects.requireNonNull(anchoredAt, "anchoredAt");
        }
    }

    /** Why and when the department revoked it; the note stays with the department, the ledger gets the code. */
    public record Revocation(Instant revokedAt, String code, String note) {
    }

    private final CertificateId id;
    private final UUID applicationId;
    private final DepartmentCode department;
    private final String serviceCode;
    private final String type;
    private final String holderName;
    private final Language language;
    private final String phoneNumber;
    private final Map<String, String> fields;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final String claimsHash;
    private final String kid;
    private final String qrText;
    private CertificateStatus status;
    private Anchor anchor;
    private Revocation revocation;

    private Certificate(CertificateId id, UUID applicationId, DepartmentCode department, String serviceCode, String type,
                        String holderName, Language language, String phoneNumber, Map<String, String> fields,
                        Instant issuedAt, Instant expiresAt, String claimsHash, String kid, String qrText,
                        CertificateStatus status, Anchor anchor, Revocation revocation) {
        this.id = Objects.requireNonNull(id, "id");
        this.applicationId = applicationId;
        this.department = Objects.requireNonNull(department, "department");
        this.serviceCode = serviceCode;
        this.type = Objects.requireNonNull(type, "type");
        this.holderName = holderName;
        this.language = Objects.requireNonNull(language, "language");
        this.phoneNumber = phoneNumber;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.claimsHash = Objects.requireNonNull(claimsHash, "claimsHash");
        this.kid = Objects.requireNonNull(kid, "kid");
        this.qrText = qrText;
        this.status = Objects.requireNonNull(status, "status");
        this.anchor = anchor;
        this.revocation = revocation;
    }

    /** A certificate just signed: ISSUED, waiting for the ledger. */
    public static Certificate issued(CertificateId id, UUID applicationId, DepartmentCode department,
                                     String serviceCode, String type, String holderName, Language language,
                                     String phoneNumber, Map<String, String> fields, Instant issuedAt,
                                     Instant expiresAt, String claimsHash, String kid, String qrText) {
        return new Certificate(id, applicationId, department, serviceCode, type, holderName, language, phoneNumber,
                fields, issuedAt, expiresAt, claimsHash, kid, qrText, CertificateStatus.ISSUED, null, null);
    }

    /** As stored: for {@link Certificates} only. */
    static Certificate restore(CertificateId id, UUID applicationId, DepartmentCode department, String serviceCode,
                               String type, String holderName, Language language, String phoneNumber,
                               Map<String, String> fields, Instant issuedAt, Instant expiresAt, String claimsHash,
                               String kid, String qrText, CertificateStatus status, Anchor anchor,
                               Revocation revocation) {
        return new Certificate(id, applicationId, department, serviceCode, type, holderName, language, phoneNumber,
                fields, issuedAt, expiresAt, claimsHash, kid, qrText, status, anchor, revocation);
    }

    /**
     * The ledger recorded it in {@code transactionId}. Recording the same transaction again changes nothing (a
     * retried settle); another transaction is refused: one certificate has one ledger record. A certificate revoked
     * meanwhile keeps its status and gains its evidence.
     *
     * @return whether anything changed
     */
    public boolean anchor(String transactionId, Long blockNumber, Instant at) {
        if (anchor != null) {
            if (anchor.transactionId().equals(transactionId)) {
                return false;
            }
            throw new RefusalException(ProblemCode.ILLEGAL_TRANSITION, "certificate " + id
                    + " is anchored in transaction " + anchor.transactionId() + " already, not " + transactionId);
        }
        anchor = new Anchor(transactionId, blockNumber, at);
        if (status == CertificateStatus.ISSUED) {
            status = CertificateStatus.ANCHORED;
        }
        return true;
    }

    /**
     * The department revokes it, with the ledger's {@code code} and its own {@code note}. A revoked certificate
     * stays revoked: a second revocation is refused, not repeated.
     */
    public void revoke(ReasonCode code, String note, Instant at) {
        if (status == CertificateStatus.REVOKED) {
            throw new RefusalException(ProblemCode.CONFLICT, "certificate " + id + " is already revoked");
        }
        revocation = new Revocation(at, code.name(), note);
        status = CertificateStatus.REVOKED;
    }

    public CertificateId id() {
        return id;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public DepartmentCode department() {
        return department;
    }

    public String serviceCode() {
        return serviceCode;
    }

    public String type() {
        return type;
    }

    public String holderName() {
        return holderName;
    }

    public Language language() {
        return language;
    }

    public String phoneNumber() {
        return phoneNumber;
    }

    public Map<String, String> fields() {
        return fields;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String claimsHash() {
        return claimsHash;
    }

    public String kid() {
        return kid;
    }

    public String qrText() {
        return qrText;
    }

    public CertificateStatus status() {
        return status;
    }

    public boolean anchored() {
        return anchor != null;
    }

    public String transactionId() {
        return anchor == null ? null : anchor.transactionId();
    }

    public Long blockNumber() {
        return anchor == null ? null : anchor.blockNumber();
    }

    public Instant anchoredAt() {
        return anchor == null ? null : anchor.anchoredAt();
    }

    public Instant revokedAt() {
        return revocation == null ? null : revocation.revokedAt();
    }

    public String revocationCode() {
        return revocation == null ? null : revocation.code();
    }

    public String revocationReason() {
        return revocation == null ? null : revocation.note();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Certificate c && c.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Certificate[" + id + ", " + status + "]";
    }
}
