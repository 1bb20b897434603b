package org.pramaan.ledger;

/**
 * Why a ledger call failed. The first group is the contract's own refusals (carried in the
 * chaincode error payload); the rest come from the transport, the peers and the commit.
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
    /** Another transaction changed a range this one read; it was not committed and may be retried. */
    PHANTOM_READ_CONFLICT,
    /** The ledger could not be reached, or did not answer in time; the outcome may be unknown. */
    UNAVAILABLE,
    /** The contract failed in a way it does not name (a bug, not a refusal). */
    CONTRACT_FAILURE,
    /** The peer or the orderer refused the request itself (signature, identity, access), before the contract ran. */
    REJECTED,
    /** The transaction was ordered but lacked the endorsements the channel's policy requires; nothing was written. */
    ENDORSEMENT_POLICY_FAILURE,
    /** The transaction id was already on the ledger; this copy was not committed. */
    DUPLICATE_TRANSACTION,
    /** The committing peers marked the transaction invalid for another reason; nothing was written. */
    INVALID_TRANSACTION;

    /** Whether retrying the same call can succeed without changing it. */
    public boolean retryable() {
        return conflict() || this == UNAVAILABLE;
    }

    /** Whether the transaction lost a race with another one and was not committed. */
    public boolean conflict() {
        return this == MVCC_READ_CONFLICT || this == PHANTOM_READ_CONFLICT;
    }

    /** Our code for a contract error code name; codes we do not know become {@link #CONTRACT_FAILURE}. */
    public static LedgerErrorCode fromContract(String name) {
        for (LedgerErrorCode code : values()) {
            if (code.ordinal() <= BATCH_TOO_LARGE.ordinal() && code.name().equals(name)) {
                return code;
            }
        }
        return CONTRACT_FAILURE;
    }
}
