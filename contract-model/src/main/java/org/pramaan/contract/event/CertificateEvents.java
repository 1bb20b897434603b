package org.pramaan.contract.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.ClaimsHash;
import org.pramaan.contract.certificate.HoldCode;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;

/** Names and payloads of the certificate events; verifiers drop cached answers on them. */
public final class CertificateEvents {

    public static final String ISSUED = "CertificateIssued";
    public static final String REVOKED = "CertificateRevoked";
    public static final String HELD = "CertificateHeld";
    public static final String RELEASED = "CertificateReleased";

    private CertificateEvents() {
    }

    /**
     * The ids a transaction newly anchored; a batch that only repeated earlier ones emits nothing. Since the
     * verifier answers first checks from its own copy of the ledger, the event also says what each record holds
     * that a verdict needs: {@code issuedAt} (the transaction time, every record's {@code issuedAt}) and, per
     * certificate, its claims hash and end of validity ({@code certificates}, in the order of {@code ids}). Events
     * of older contracts have only {@code department} and {@code ids}; the two other fields are then null and empty.
     */
    @JsonPropertyOrder({"department", "ids", "issuedAt", "certificates"})
    public record Issued(DepartmentCode department, List<CertificateId> ids, Instant issuedAt,
                         List<Anchored> certificates) {

        public Issued {
            ids = List.copyOf(ids);
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
        }

        /** The event of an older contract: ids only. */
        public Issued(DepartmentCode department, List<CertificateId> ids) {
            this(department, ids, null, List.of());
        }
    }

    /** What one newly anchored record holds that a verdict needs. */
    @JsonPropertyOrder({"id", "claimsHash", "validUntil"})
    public record Anchored(CertificateId id, ClaimsHash claimsHash, Instant validUntil) {
    }

    /** A certificate put on hold; verifiers drop their cached VALID. */
    @JsonPropertyOrder({"id", "department", "holdCode", "heldAt"})
    public record Held(CertificateId id, DepartmentCode department, HoldCode holdCode, Instant heldAt) {
    }

    /** A hold lifted: the certificate is active again. */
    @JsonPropertyOrder({"id", "department", "releasedAt"})
    public record Released(CertificateId id, DepartmentCode department, Instant releasedAt) {
    }

    /**
     * A certificate revoked, or superseded by {@code replacedBy} (status SUPERSEDED). Events of older contracts
     * lack {@code replacedBy}: null then, also for a superseded one.
     */
    @JsonPropertyOrder({"id", "department", "status", "reasonCode", "revokedAt", "replacedBy"})
    public record Revoked(CertificateId id, DepartmentCode department, CertificateStatus status,
                          ReasonCode reasonCode, Instant revokedAt, CertificateId replacedBy) {

        /** A revocation that no certificate replaces. */
        public Revoked(CertificateId id, DepartmentCode department, CertificateStatus status, ReasonCode reasonCode,
                       Instant revokedAt) {
            this(id, department, status, reasonCode, revokedAt, null);
        }
    }
}
