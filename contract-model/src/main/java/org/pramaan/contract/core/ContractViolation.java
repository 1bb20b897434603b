package org.pramaan.contract.core;

import java.util.Objects;

/**
 * A value or request the contract refuses, with its {@link ErrorCode}; the message is
 * {@code CODE: detail}. The records, ids and {@link Json} throw it wherever they run. In the
 * chaincode it becomes the shim's error response (the chaincode's {@code ContractException}); in a
 * client it is an {@link IllegalArgumentException}, so that a malformed id or record from user input
 * is handled like any other bad argument.
 */
public final class ContractViolation extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String detail;

    ContractViolation(ErrorCode code, String detail) {
        super(Objects.requireNonNull(code, "code").name() + ": " + Objects.requireNonNull(detail, "detail"));
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
    public ContractViolation at(String location) {
        return new ContractViolation(code, detail + " (at " + location + ")");
    }
}
