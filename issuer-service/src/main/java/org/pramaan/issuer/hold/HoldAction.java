package org.pramaan.issuer.hold;

/** What an officer did to a certificate's hold; the ledger gets HoldCertificate or ReleaseCertificate. */
public enum HoldAction {
    HOLD,
    RELEASE
}
