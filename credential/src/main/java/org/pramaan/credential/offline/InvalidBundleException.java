package org.pramaan.credential.offline;

/** The bytes are not a bundle this verifier can rely on; the previous bundle, if any, stays in use. */
public final class InvalidBundleException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Stable names; {@code SIGNATURE} is the vectors' {@code BUNDLE_SIGNATURE}. */
    public enum Reason {
        /** Not a COSE_Sign1 with ES256, or the payload is not a version 1 bundle. */
        FORMAT,
        /** Not signed by the configured receipt key (wrong key id or the signature does not hold). */
        SIGNATURE,
        /** A delta from another height than the bundle it was applied to. */
        DELTA_MISMATCH
    }

    private final Reason reason;

    public InvalidBundleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidBundleException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
