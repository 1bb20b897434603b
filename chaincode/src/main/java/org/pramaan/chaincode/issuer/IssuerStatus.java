package org.pramaan.chaincode.issuer;

/** Whether a department may issue and revoke certificates. */
public enum IssuerStatus {
    ACTIVE,
    SUSPENDED
}
