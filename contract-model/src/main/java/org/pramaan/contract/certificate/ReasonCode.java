package org.pramaan.contract.certificate;

import java.util.Arrays;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.core.ErrorCode;

/** Why a certificate was revoked; the free text beside it explains, the code is what clients act on. */
public enum ReasonCode {
    ISSUED_IN_ERROR,
    FRAUD,
    SUPERSEDED,
    DATA_CORRECTED,
    COURT_ORDER,
    OTHER;

    public static ReasonCode parse(String text) {
        Checks.present(text, "reasonCode");
        for (ReasonCode code : values()) {
            if (code.name().equals(text)) {
                return code;
            }
        }
        throw ErrorCode.INVALID_ARGUMENT.exception("reasonCode must be one of " + Arrays.toString(values())
                + ": '" + text + "'");
    }
}
