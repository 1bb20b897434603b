package org.pramaan.contract.issuer;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pramaan.contract.core.Checks;
import org.pramaan.contract.id.DepartmentCode;

/**
 * The argument of {@code RegisterIssuer}:
 * {@code {"department":"REV","names":{"en":"Revenue","te":"...","hi":"..."}}}.
 * A new department always starts {@link IssuerStatus#ACTIVE} with no signer keys.
 */
@JsonPropertyOrder({"department", "names"})
public record IssuerRegistration(DepartmentCode department, IssuerNames names) {

    public IssuerRegistration {
        Checks.present(department, "department");
        Checks.present(names, "names");
    }
}
