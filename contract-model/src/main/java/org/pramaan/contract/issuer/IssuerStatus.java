package org.pramaan.contract.issuer;

/** Whether a department may issue and revoke certificates. */
public enum IssuerStatus {
    ACTIVE,
    SUSPENDED
}
