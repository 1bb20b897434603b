package org.pramaan.catalog;

import org.pramaan.contract.id.DepartmentCode;

/** A department of the state government that offers services and may issue certificates. */
public record Department(DepartmentCode code, Localized names) {
}
