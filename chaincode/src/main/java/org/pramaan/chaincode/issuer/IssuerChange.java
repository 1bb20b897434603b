package org.pramaan.chaincode.issuer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pramaan.chaincode.core.DepartmentCode;
import org.pramaan.chaincode.core.KeyId;

/** Payload of the {@code IssuerChanged} event; verifiers refresh their trust list on it. */
@JsonPropertyOrder({"department", "change", "kid"})
public record IssuerChange(DepartmentCode department, Kind change, KeyId kid) {

    /** What happened to the department. {@code kid} is set for the signer key changes only. */
    public enum Kind {
        REGISTERED,
        SIGNER_ADDED,
        SIGNER_REVOKED,
        SUSPENDED,
        REINSTATED
    }
}
