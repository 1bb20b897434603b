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
        "revokedAt", "revocationReason", "heldAt", "holdCode", "replacedBy"})
public record CertificateRecord(CertificateId id, DepartmentCode department, String type, ClaimsHash claimsHash,
                                KeyId kid, Instant issuedAt, Instant validUntil, CertificateStatus status,
                                Instant revokedAt, RevocationReason revocationReason, Instant heldAt,
                                HoldCode holdCode, CertificateId replacedBy) {

    /** A record that no certificate replaces (absent from the JSON, so older records keep their bytes). */
    public CertificateRecord(CertificateId id, DepartmentCode department, String type, ClaimsHash claimsHash,
                             KeyId kid, Instant issuedAt, Instant validUntil, CertificateStatus status,
                             Instant revokedAt, RevocationReason revocationReason, Instant heldAt, HoldCode holdCode) {
        this(id, department, type, claimsHash, kid, issuedAt, validUntil, status, revokedAt, revocationReason, heldAt,
                holdCode, null);
    }

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
        boolean revoked = status.revoked();
        boolean held = status == CertificateStatus.ON_HOLD;
        if (held != (heldAt != null) || held != (holdCode != null)) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "certificate " + id + ": heldAt and holdCode go with status ON_HOLD only");
        }
        if (revoked != (revokedAt != null) || revoked != (revocationReason != null)) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "certificate " + id + ": revokedAt and revocationReason go with a revoked status only");
        }
        if (replacedBy != null && (status != CertificateStatus.SUPERSEDED || replacedBy.equals(id)
                || !replacedBy.department().equals(department))) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate " + id
                    + ": replacedBy names another certificate of the same department, on a SUPERSEDED one only");
        }
        if (revoked && (status == CertificateStatus.SUPERSEDED) != (revocationReason.code() == ReasonCode.SUPERSEDED)) {
            throw ErrorCode.INVALID_ARGUMENT.exception(
                    "certificate " + id + ": status SUPERSEDED goes with reason code SUPERSEDED only");
        }
    }

    /** A new active record for {@code request}, issued at the transaction time (the contract's issue). */
    public static CertificateRecord issue(CertificateRequest request, Instant issuedAt) {
        return new CertificateRecord(request.id(), request.department(), request.type(), request.claimsHash(),
                request.kid(), issuedAt, request.validUntil(), CertificateStatus.ACTIVE, null, null, null, null);
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
        if (status.revoked()) {
            if (revocationReason.code() == reason.code()) {
                return this;
            }
            throw ErrorCode.CONFLICT.exception("certificate " + id + " is already revoked for "
                    + revocationReason.code() + " at " + revokedAt);
        }
        CertificateStatus revoked = reason.code() == ReasonCode.SUPERSEDED
                ? CertificateStatus.SUPERSEDED : CertificateStatus.REVOKED;
        return new CertificateRecord(id, department, type, claimsHash, kid, issuedAt, validUntil, revoked, time, reason,
                null, null);
    }

    /**
     * This certificate superseded at {@code time} by {@code replacement} (re-issued, for example
     * because the key that signed it was compromised). Repeating it with the same replacement returns
     * this record; anything else on a revoked certificate is refused.
     */
    public CertificateRecord supersede(CertificateId replacement, Instant time) {
        if (status.revoked()) {
            if (status == CertificateStatus.SUPERSEDED && replacement.equals(replacedBy)) {
                return this;
            }
            throw ErrorCode.CONFLICT.exception("certificate " + id + " is already " + status + " at " + revokedAt);
        }
        return new CertificateRecord(id, department, type, claimsHash, kid, issuedAt, validUntil,
                CertificateStatus.SUPERSEDED, time, new RevocationReason(ReasonCode.SUPERSEDED), null, null,
                replacement);
    }

    /**
     * This certificate on hold from {@code time} while its department checks it. Repeating a hold
     * with the same code returns this record unchanged; another code, or a revoked certificate, is
     * refused.
     */
    public CertificateRecord hold(HoldCode code, Instant time) {
        if (status == CertificateStatus.ON_HOLD) {
            if (holdCode == code) {
                return this;
            }
            throw ErrorCode.CONFLICT.exception("certificate " + id + " is already on hold for " + holdCode
                    + " since " + heldAt);
        }
        if (status.revoked()) {
            throw ErrorCode.CONFLICT.exception("certificate " + id + " is revoked; it cannot be put on hold");
        }
        return new CertificateRecord(id, department, type, claimsHash, kid, issuedAt, validUntil,
                CertificateStatus.ON_HOLD, null, null, time, code);
    }

    /** This certificate active again after a hold; an active one unchanged; a revoked one is refused. */
    public CertificateRecord release() {
        if (isActive()) {
            return this;
        }
        if (status.revoked()) {
            throw ErrorCode.CONFLICT.exception("certificate " + id + " is revoked; a revocation is not released");
        }
        return new CertificateRecord(id, department, type, claimsHash, kid, issuedAt, validUntil,
                CertificateStatus.ACTIVE, null, null, null, null);
    }
}
