package org.pramaan.chaincode.core;

import java.util.Objects;
import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A refused transaction. The shim turns it into an error response carrying the message and the
 * code as payload; Fabric then discards every write of the transaction.
 */
public final class ContractException extends ChaincodeException {

    private final ErrorCode code;
    private final String detail;

    ContractException(ErrorCode code, String detail) {
        super(Objects.requireNonNull(code, "code").name() + ": " + Objects.requireNonNull(detail, "detail"),
                code.payload());
        this.code = code;
        this.detail = detail;
    }

    public ErrorCode code() {
        return code;
    }

    /** The message without the code prefix. */
    public String detail() {
        return detail;
    }

    /** The same failure with where it happened added, e.g. the position in a batch. */
    public ContractException at(String location) {
        return new ContractException(code, detail + " (at " + location + ")");
    }
}
