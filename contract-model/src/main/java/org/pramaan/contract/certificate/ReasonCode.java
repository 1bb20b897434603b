package org.pramaan.contract.certificate;

import org.pramaan.contract.core.Checks;

/**
 * Why a certificate was revoked, from a closed list. The ledger holds only this code: an officer's
 * own words may name a person, and the ledger is public and permanent, so they stay in the issuing
 * department's database. Readers show the code's meaning in their own language.
 */
public enum ReasonCode {
    ISSUED_IN_ERROR,
    FRAUD,
    SUPERSEDED,
    DATA_CORRECTED,
    COURT_ORDER,
    OTHER;

    public static ReasonCode parse(String text) {
        return Checks.code(ReasonCode.class, text, "reasonCode");
    }
}
