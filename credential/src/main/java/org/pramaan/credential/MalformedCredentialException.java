package org.pramaan.credential;

/**
 * Thrown inside the decoder when input is not a Pramaan credential. It never leaves the library's
 * public decode and verify methods: they turn it into a {@code MALFORMED} result with its reason.
 */
public final class MalformedCredentialException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the input is not a credential; stable names for logs, metrics and tests. */
    public enum Reason {
        EMPTY,
        TOO_LARGE,
        NOT_BASE32,
        BAD_ZLIB,
        NOT_COSE_SIGN1,
        WRONG_ALGORITHM,
        MISSING_CLAIM,
        INVALID_CLAIM
    }

    private final Reason reason;

    public MalformedCredentialException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
