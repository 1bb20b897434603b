package org.pramaan.issuer.application;

/** Where an application stands: submitted, then approved or rejected; an approved one gets issued. */
public enum ApplicationStatus {
    SUBMITTED, APPROVED, REJECTED, ISSUED
}
