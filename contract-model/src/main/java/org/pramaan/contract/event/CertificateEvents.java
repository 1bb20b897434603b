package org.pramaan.contract.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.certificate.CertificateStatus;
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

    /** The ids a transaction newly anchored; a batch that only repeated earlier ones emits nothing. */
    @JsonPropertyOrder({"department", "ids"})
    public record Issued(DepartmentCode department, List<CertificateId> ids) {

        public Issued {
            ids = List.copyOf(ids);
        }
    }

    /** A certificate put on hold; verifiers drop their cached VALID. */
    @JsonPropertyOrder({"id", "department", "holdCode", "heldAt"})
    public record Held(CertificateId id, DepartmentCode department, HoldCode holdCode, Instant heldAt) {
    }

    /** A hold lifted: the certificate is active again. */
    @JsonPropertyOrder({"id", "department", "releasedAt"})
    public record Released(CertificateId id, DepartmentCode department, Instant releasedAt) {
    }

    @JsonPropertyOrder({"id", "department", "status", "reasonCode", "revokedAt"})
    public record Revoked(CertificateId id, DepartmentCode department, CertificateStatus status,
                          ReasonCode reasonCode, Instant revokedAt) {
    }
}
