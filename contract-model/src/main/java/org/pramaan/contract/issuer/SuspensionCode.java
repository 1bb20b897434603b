package org.pramaan.contract.issuer;

import org.pramaan.contract.core.Checks;

/** Why a department may not issue for now; a code, because the ledger keeps no one's words forever. */
public enum SuspensionCode {
    UNDER_REVIEW,
    MERGED,
    DISSOLVED,
    OTHER;

    public static SuspensionCode parse(String text) {
        return Checks.code(SuspensionCode.class, text, "reasonCode");
    }
}
