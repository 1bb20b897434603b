package org.pramaan.contract.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.certificate.ReasonCode;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;

/** Names and payloads of the certificate events; verifiers drop cached answers on them. */
public final class CertificateEvents {

    public static final String ISSUED = "CertificateIssued";
    public static final String REVOKED = "CertificateRevoked";

    private CertificateEvents() {
    }

    /** The ids a transaction newly anchored; a batch that only repeated earlier ones emits nothing. */
    @JsonPropertyOrder({"department", "ids"})
    public record Issued(DepartmentCode department, List<CertificateId> ids) {

        public Issued {
            ids = List.copyOf(ids);
        }
    }

    @JsonPropertyOrder({"id", "department", "status", "reasonCode", "revokedAt"})
    public record Revoked(CertificateId id, DepartmentCode department, CertificateStatus status,
                          ReasonCode reasonCode, Instant revokedAt) {
    }
}
