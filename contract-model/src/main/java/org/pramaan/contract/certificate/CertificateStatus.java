package org.pramaan.contract.certificate;

/**
 * A certificate's standing; SUPERSEDED is a revocation whose reason is that a newer one replaces it.
 * ON_HOLD is not final: the department is checking it, and releases or revokes it afterwards.
 */
public enum CertificateStatus {
    ACTIVE,
    REVOKED,
    SUPERSEDED,
    ON_HOLD;

    /** Whether this is a revocation, which nothing undoes. */
    public boolean revoked() {
        return this == REVOKED || this == SUPERSEDED;
    }
}
