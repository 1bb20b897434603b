package org.pramaan.verifier.verification;

import java.util.Optional;
import org.pramaan.contract.certificate.Verification;

/**
 * The ledger's answer for one certificate and claims hash, or, when the ledger could not be asked and
 * never answered before, no answer at all ({@code result} empty).
 */
record LedgerFinding(String claimsHash, Optional<Verification.Result> result, LedgerEvidence evidence) {

    static LedgerFinding unconfirmed(String claimsHash) {
        return new LedgerFinding(claimsHash, Optional.empty(), LedgerEvidence.unreachable());
    }

    LedgerFinding stale() {
        return new LedgerFinding(claimsHash, result, evidence.stale());
    }
}
