package org.pramaan.verifier.verification;

import java.time.Instant;
import org.pramaan.contract.certificate.ReasonCode;

/**
 * What the ledger says about a certificate, with where to look it up: the transaction that anchored
 * it and its block, when, any revocation, when the ledger was asked, and whether that answer is
 * current ({@code fresh}) or the last known one while the ledger cannot be reached. A revocation's
 * reason is the ledger's code: readers are shown its meaning in their language, never anyone's words.
 * {@code replacedBy} names the certificate that superseded this one (a re-issue), for the reader to ask for.
 */
public record LedgerEvidence(String transactionId, Long blockNumber, Instant anchoredAt, Instant revokedAt,
                             ReasonCode revocationReason, Instant checkedAt, boolean fresh, String replacedBy) {

    LedgerEvidence stale() {
        return new LedgerEvidence(transactionId, blockNumber, anchoredAt, revokedAt, revocationReason, checkedAt, false,
                replacedBy);
    }

    /** Evidence that the ledger could not be asked and never answered for this certificate. */
    static LedgerEvidence unreachable() {
        return new LedgerEvidence(null, null, null, null, null, null, false, null);
    }
}
