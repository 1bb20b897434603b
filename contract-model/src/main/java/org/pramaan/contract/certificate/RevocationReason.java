package org.pramaan.contract.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pramaan.contract.core.Checks;

/**
 * A revocation's reason as the ledger records it: a code and nothing else. It once carried the
 * officer's free text too, which the public verifier repeated and no one could ever erase; that
 * note now stays with the issuer (DPDP Act 2023), and the object keeps its JSON shape
 * ({@code {"code":"FRAUD"}}) so that only the text left the record's bytes.
 */
@JsonPropertyOrder({"code"})
public record RevocationReason(ReasonCode code) {

    public RevocationReason {
        Checks.present(code, "reasonCode");
    }
}
