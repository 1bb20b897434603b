package org.pramaan.chaincode.core;

import java.util.Objects;
import java.util.function.Supplier;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.pramaan.contract.core.ContractViolation;
import org.pramaan.contract.core.ErrorCode;

/**
 * A refused transaction. The shim turns it into an error response carrying the message and the
 * code as payload; Fabric then discards every write of the transaction.
 *
 * <p>The records, ids and operations refuse with the shim-free {@link ContractViolation};
 * {@link #refusing} turns that into this exception at the edge of every transaction, since the shim
 * answers any other exception with a bare "Unexpected error".
 */
public final class ContractException extends ChaincodeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;

    ContractException(ErrorCode code, String detail, Throwable cause) {
        super(Objects.requireNonNull(code, "code").name() + ": " + Objects.requireNonNull(detail, "detail"),
                code.payload(), cause);
        this.code = code;
        this.detail = detail;
    }

    /** The shim's form of {@code violation}: same code, same message, the code as payload. */
    public static ContractException of(ContractViolation violation) {
        return new ContractException(violation.code(), violation.detail(), violation);
    }

    /** Runs a transaction's body; a {@link ContractViolation} leaves it as a {@link ContractException}. */
    public static <T> T refusing(Supplier<T> body) {
        try {
            return body.get();
        } catch (ContractViolation violation) {
            throw of(violation);
        }
    }

    public ErrorCode code() {
        return code;
    }

    /** The message without the code prefix. */
    public String detail() {
        return detail;
    }
}
