package org.pramaan.contract.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pramaan.contract.core.Checks;

/**
 * Code and explanation of a revocation. The text is read by the public: it must name no person,
 * which the contract cannot check, so it is kept short.
 */
@JsonPropertyOrder({"code", "text"})
public record RevocationReason(ReasonCode code, String text) {

    public static final int MAX_TEXT_LENGTH = 256;

    public RevocationReason {
        Checks.present(code, "reasonCode");
        Checks.text(text, "reasonText", MAX_TEXT_LENGTH);
    }
}
