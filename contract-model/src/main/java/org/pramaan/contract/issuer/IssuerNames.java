package org.pramaan.contract.issuer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pramaan.contract.core.Checks;

/** A department's name in the three languages the citizen service speaks. */
@JsonPropertyOrder({"en", "te", "hi"})
public record IssuerNames(String en, String te, String hi) {

    static final int MAX_LENGTH = 120;

    public IssuerNames {
        Checks.text(en, "names.en", MAX_LENGTH);
        Checks.text(te, "names.te", MAX_LENGTH);
        Checks.text(hi, "names.hi", MAX_LENGTH);
    }
}
