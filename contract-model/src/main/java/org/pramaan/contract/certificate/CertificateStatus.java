package org.pramaan.contract.certificate;

/** A certificate's standing; SUPERSEDED is a revocation whose reason is that a newer one replaces it. */
public enum CertificateStatus {
    ACTIVE,
    REVOKED,
    SUPERSEDED
}
