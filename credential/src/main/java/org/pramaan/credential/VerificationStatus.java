package org.pramaan.credential;

/**
 * The one vocabulary every verifier speaks: the page, the API and the chat. The credential layer
 * decides {@code TAMPERED}, {@code UNKNOWN_ISSUER}, {@code EXPIRED} and {@code MALFORMED}; only the
 * ledger can add {@code REVOKED} and {@code NOT_ANCHORED} and confirm {@code VALID}.
 * {@code UNAVAILABLE} says that the check could not be finished (the ledger could not be asked and
 * never answered for this certificate): "try again in a minute", never "this is a fake".
 * {@code ON_HOLD} is the ledger's too: the department is checking the certificate and will release
 * or revoke it; until it decides, do not rely on it.
 * {@code PENDING} is a good signature by an active key on a certificate issued minutes ago that the
 * ledger has not recorded yet (anchoring takes a second or two): "check again in a minute", never
 * "not recorded" for a fresh print; after the verifier's pending window it is {@code NOT_ANCHORED}.
 */
public enum VerificationStatus {
    VALID,
    REVOKED,
    ON_HOLD,
    EXPIRED,
    TAMPERED,
    UNKNOWN_ISSUER,
    NOT_ANCHORED,
    MALFORMED,
    UNAVAILABLE,
    PENDING
}
