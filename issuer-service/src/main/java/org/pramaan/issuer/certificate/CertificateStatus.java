package org.pramaan.issuer.certificate;

/** Issued (signed and stored), anchored on the ledger, or revoked. */
public enum CertificateStatus {
    ISSUED, ANCHORED, REVOKED
}
