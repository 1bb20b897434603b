package org.pramaan.contract.certificate;

import org.pramaan.contract.core.Checks;

/**
 * Why a department has put a certificate on hold while it checks it. A code, like every reason the
 * ledger keeps: the ledger is public and permanent, an officer's words may name a person.
 */
public enum HoldCode {
    UNDER_SCRUTINY,
    DOCUMENTS_VERIFICATION;

    public static HoldCode parse(String text) {
        return Checks.code(HoldCode.class, text, "holdCode");
    }
}
