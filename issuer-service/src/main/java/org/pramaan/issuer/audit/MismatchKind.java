package org.pramaan.issuer.audit;

import java.util.Locale;

/** What can disagree between the issuer's record of a certificate and the ledger's. */
public enum MismatchKind {
    /** The claims recomputed from the stored certificate, its stored hash, department or validity differ from the ledger. */
    HASH_MISMATCH,
    /** The stored status (active, on hold, revoked) is not the ledger's, and no change is on its way to the ledger. */
    STATUS_MISMATCH,
    /** The ledger holds a certificate of the issuer's departments that the issuer has no record of. */
    MISSING_RECORD,
    /** The issuer holds a certificate as anchored that the ledger does not know. */
    UNKNOWN_ON_LEDGER,
    /** The stored signer key id is not the one anchored. */
    KEY_MISMATCH;

    /** The name in output, metrics and the console: {@code hash_mismatch}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MismatchKind ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
