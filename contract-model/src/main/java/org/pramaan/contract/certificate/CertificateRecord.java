package org.pramaan.contract.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;

/**
 * A certificate as anchored on the ledger (key {@code CERT~<id>}). It holds what a verifier needs
 * and nothing about the holder: no name, no number, nothing personal, because the ledger is
 * replicated to every organisation and can never forget.
 */
@JsonPropertyOrder({"id", "department", "type", "claimsHash", "kid", "issuedAt", "validUntil", "status",
        "revokedAt", "revocationReason"})
public record CertificateRecord(CertificateId id, DepartmentCode department, String type, ClaimsHash claimsHash,
                                KeyId kid, Instant issuedAt, Instant validUntil, CertificateStatus status,
                                Instant revokedAt, RevocationReason revocationReason) {

    public CertificateRecord {
        Checks.present(id, "id");
        Checks.present(department, "department");
        Checks.present(type, "type");
        Checks.present(claimsHash, "claimsHash");
        Checks.present(kid, "kid");
        Checks.present(issuedAt, "issuedAt");
        Checks.present(validUntil, "validUntil");
        Checks.present(status, "status");
        if (!department.equals(id.department()) || !type.equals(id.type())) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate " + id + ": department and type must match the id");
        }
        boolean revoked = status != CertificateStatus.ACTIVE;
        if (revoked != (revokedAt != null) || revoked != (revocationReason != null)) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "certificate " + id + ": revokedAt and revocationReason go with a revoked status only");
        }
        if (revoked && (status == CertificateStatus.SUPERSEDED) != (revocationReason.code() == ReasonCode.SUPERSEDED)) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "certificate " + id + ": status SUPERSEDED goes with reason code SUPERSEDED only");
        }
    }

    /** A new active record for {@code request}, issued at the transaction time (the contract's issue). */
    public static CertificateRecord issue(CertificateRequest request, Instant issuedAt) {
        return new CertificateRecord(request.id(), request.department(), request.type(), request.claimsHash(),
                request.kid(), issuedAt, request.validUntil(), CertificateStatus.ACTIVE, null, null);
    }

    /** Whether {@code request} asks for exactly this certificate, as a retry of its issue would. */
    public boolean isIssueOf(CertificateRequest request) {
        return id.equals(request.id()) && department.equals(request.department()) && type.equals(request.type())
                && claimsHash.equals(request.claimsHash()) && kid.equals(request.kid())
                && validUntil.equals(request.validUntil());
    }

    public boolean isActive() {
        return status == CertificateStatus.ACTIVE;
    }

    /**
     * This certificate revoked at {@code time}. Repeating a revocation with the same code returns
     * this record unchanged; a revocation with another code is refused, since the first stands.
     */
    public CertificateRecord revoke(RevocationReason reason, Instant time) {
        if (!isActive()) {
            if (revocationReason.code() == reason.code()) {
                return this;
            }
            throw ErrorCode.CONFLICT.exception("certificate " + id + " is already revoked for "
                    + revocationReason.code() + " at " + revokedAt);
        }
        CertificateStatus revoked = reason.code() == ReasonCode.SUPERSEDED
                ? CertificateStatus.SUPERSEDED : CertificateStatus.REVOKED;
        return new CertificateRecord(id, department, type, claimsHash, kid, issuedAt, validUntil, revoked, time, reason);
    }
}
