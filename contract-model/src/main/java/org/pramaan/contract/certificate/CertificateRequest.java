package org.pramaan.contract.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;

/**
 * One certificate of an {@code IssueCertificates} batch. Department and type are stated although
 * the id holds them: a mismatch means the caller built the id for something else.
 */
@JsonPropertyOrder({"id", "department", "type", "claimsHash", "kid", "validUntil"})
public record CertificateRequest(CertificateId id, DepartmentCode department, String type, ClaimsHash claimsHash,
                                 KeyId kid, Instant validUntil) {

    public CertificateRequest {
        Checks.present(id, "id");
        Checks.present(department, "department");
        Checks.present(type, "type");
        Checks.present(claimsHash, "claimsHash");
        Checks.present(kid, "kid");
        Checks.present(validUntil, "validUntil");
        if (!department.equals(id.department())) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate " + id + ": department " + department
                    + " differs from the id's " + id.department());
        }
        if (!type.equals(id.type())) {
            throw ErrorCode.INVALID_ARGUMENT.exception("certificate " + id + ": type '" + type
                    + "' differs from the id's " + id.type());
        }
    }
}
