package org.pramaan.issuer.certificate;

import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.service.problem.ProblemCode;
import org.pramaan.service.problem.RefusalException;

/**
 * A department has no key that the ledger lists as usable now and this service holds: nothing is
 * signed. Answered as problem {@code signing-key-unavailable} (503); the console shows the message.
 */
public class SigningKeyUnavailableException extends RefusalException {

    private static final long serialVersionUID = 1L;

    private final transient DepartmentCode department;

    public SigningKeyUnavailableException(DepartmentCode department, String reason) {
        super(ProblemCode.SIGNING_KEY_UNAVAILABLE, "department " + department + " cannot sign certificates now: " + reason);
        this.department = department;
    }

    public DepartmentCode department() {
        return department;
    }
}
