package org.pramaan.contract.event;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;

/** Payload of the {@code IssuerChanged} event; verifiers refresh their trust list on it. */
@JsonPropertyOrder({"department", "change", "kid"})
public record IssuerChange(DepartmentCode department, Kind change, KeyId kid) {

    /** The chaincode event's name. */
    public static final String EVENT = "IssuerChanged";

    /** What happened to the department. {@code kid} is set for the signer key changes only. */
    public enum Kind {
        REGISTERED,
        SIGNER_ADDED,
        SIGNER_REVOKED,
        SUSPENDED,
        REINSTATED
    }
}
