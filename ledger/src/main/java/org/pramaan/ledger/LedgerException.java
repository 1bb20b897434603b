package org.pramaan.ledger;

import java.util.Objects;
import java.util.Optional;

/** A ledger call that failed: the code, the transaction id when one was made, and what was wrong. */
public final class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LedgerErrorCode code;
    private final String transactionId;
    private final String contractCode;

    public LedgerException(LedgerErrorCode code, String transactionId, String message, Throwable cause) {
        this(code, null, transactionId, message, cause);
    }

    /**
     * A failure with the contract's own error code ({@code CORRUPT_STATE}, {@code CONFLICT}, ...) when the
     * contract refused; {@code contractCode} may be null.
     */
    public LedgerException(LedgerErrorCode code, String contractCode, String transactionId, String message,
                           Throwable cause) {
        super(code + ": " + message + (transactionId == null ? "" : " (transaction " + transactionId + ")"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.contractCode = contractCode;
        this.transactionId = transactionId;
    }

    public LedgerException(LedgerErrorCode code, String transactionId, String message) {
        this(code, transactionId, message, null);
    }

    /** Maps a contract refusal: its payload is the error code name, its message names the value. */
    public static LedgerException fromContract(String payloadCode, String transactionId, String message) {
        String contractCode = payloadCode == null || payloadCode.isBlank() ? null : payloadCode;
        return new LedgerException(LedgerErrorCode.fromContract(payloadCode), contractCode, transactionId, message, null);
    }

    public LedgerErrorCode code() {
        return code;
    }

    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }

    /** The contract's own error code when the contract refused the call, e.g. {@code MISCONFIGURED}. */
    public Optional<String> contractCode() {
        return Optional.ofNullable(contractCode);
    }
}
