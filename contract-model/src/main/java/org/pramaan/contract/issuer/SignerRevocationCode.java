package org.pramaan.contract.issuer;

import org.pramaan.contract.core.Checks;

/** Why a signer key stopped being trusted; a code, because the ledger keeps no one's words forever. */
public enum SignerRevocationCode {
    KEY_COMPROMISE,
    RETIRED,
    SUPERSEDED;

    public static SignerRevocationCode parse(String text) {
        return Checks.code(SignerRevocationCode.class, text, "reasonCode");
    }
}
