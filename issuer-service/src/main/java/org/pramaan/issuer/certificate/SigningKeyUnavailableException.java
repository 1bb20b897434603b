package org.pramaan.issuer.certificate;

import org.pramaan.contract.id.DepartmentCode;

/**
 * A department has no key that the ledger lists as usable now and this service holds: nothing is
 * signed. Answered as problem {@code signing-key-unavailable} (503); the console shows the message.
 */
public class SigningKeyUnavailableException extends IllegalStateException {

    private final DepartmentCode department;

    public SigningKeyUnavailableException(DepartmentCode department, String reason) {
        super("department " + department + " cannot sign certificates now: " + reason);
        this.department = department;
    }

    public DepartmentCode department() {
        return department;
    }
}
