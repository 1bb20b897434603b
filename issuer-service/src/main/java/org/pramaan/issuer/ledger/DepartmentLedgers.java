package org.pramaan.issuer.ledger;

import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.ledger.Ledger;

/** The ledger as a department's identity sees it (the contract checks the identity's department). */
public interface DepartmentLedgers {

    Ledger forDepartment(DepartmentCode department);
}
