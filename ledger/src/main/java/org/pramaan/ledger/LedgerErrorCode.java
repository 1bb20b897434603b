package org.pramaan.ledger;

/**
 * Why a ledger call failed. The first group is the contract's own refusals (carried in the
 * chaincode error payload); the rest come from the transport and the commit.
 */
public enum LedgerErrorCode {
    NOT_FOUND,
    CONFLICT,
    FORBIDDEN,
    INVALID_ARGUMENT,
    ISSUER_INACTIVE,
    KEY_NOT_VALID,
    BATCH_TOO_LARGE,
    /** Another transaction changed what this one read; it was not committed and may be retried. */
    MVCC_READ_CONFLICT,
    /** The ledger could not be reached, or did not answer in time; the outcome may be unknown. */
    UNAVAILABLE,
    /** The contract failed in a way it does not name (a bug, not a refusal). */
    CONTRACT_FAILURE;

    /** Whether retrying the same call can succeed without changing it. */
    public boolean retryable() {
        return this == MVCC_READ_CONFLICT || this == UNAVAILABLE;
    }

    static LedgerErrorCode fromContract(String name) {
        for (LedgerErrorCode code : values()) {
            if (code.name().equals(name)) {
                return code;
            }
        }
        return CONTRACT_FAILURE;
    }
}
