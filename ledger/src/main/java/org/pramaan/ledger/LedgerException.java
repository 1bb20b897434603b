package org.pramaan.ledger;

import java.util.Objects;
import java.util.Optional;

/** A ledger call that failed: the code, the transaction id when one was made, and what was wrong. */
public final class LedgerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final LedgerErrorCode code;
    private final String transactionId;

    public LedgerException(LedgerErrorCode code, String transactionId, String message, Throwable cause) {
        super(code + ": " + message + (transactionId == null ? "" : " (transaction " + transactionId + ")"), cause);
        this.code = Objects.requireNonNull(code, "code");
        this.transactionId = transactionId;
    }

    public LedgerException(LedgerErrorCode code, String transactionId, String message) {
        this(code, transactionId, message, null);
    }

    /** Maps a contract refusal: its payload is the error code name, its message names the value. */
    public static LedgerException fromContract(String payloadCode, String transactionId, String message) {
        return new LedgerException(LedgerErrorCode.fromContract(payloadCode), transactionId, message);
    }

    public LedgerErrorCode code() {
        return code;
    }

    public Optional<String> transactionId() {
        return Optional.ofNullable(transactionId);
    }
}
