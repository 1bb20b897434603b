package org.pramaan.credential;

import java.util.Objects;
import java.util.Optional;

/**
 * What checking a credential against the trust list found. {@link Outcome#SIGNATURE_VALID} means
 * genuine and unchanged, signed by a trusted department key, not expired: the ledger has not been
 * asked yet, so it is not yet {@link VerificationStatus#VALID}.
 *
 * @param outcome         the verdict
 * @param reason          a sentence a person can read
 * @param credential      the signed credential, when the signature holds (also for {@code EXPIRED})
 * @param malformedReason the machine-readable reason, for {@code MALFORMED}
 * @param keyWithdrawnFrom for {@code UNKNOWN_ISSUER} because the department revoked the signing key
 *                         before this was signed: from when (a verifier says "withdrew the key on DATE")
 */
public record CredentialCheck(Outcome outcome, String reason, Optional<SignedCredential> credential,
                              Optional<MalformedCredentialException.Reason> malformedReason,
                              Optional<java.time.Instant> keyWithdrawnFrom) {

    public CredentialCheck(Outcome outcome, String reason, Optional<SignedCredential> credential,
                           Optional<MalformedCredentialException.Reason> malformedReason) {
        this(outcome, reason, credential, malformedReason, Optional.empty());
    }

    public enum Outcome {
        SIGNATURE_VALID(null),
        TAMPERED(VerificationStatus.TAMPERED),
        UNKNOWN_ISSUER(VerificationStatus.UNKNOWN_ISSUER),
        EXPIRED(VerificationStatus.EXPIRED),
        MALFORMED(VerificationStatus.MALFORMED);

        private final VerificationStatus status;

        Outcome(VerificationStatus status) {
            this.status = status;
        }

        /** The final status for a failed check; empty when the ledger must decide. */
        public Optional<VerificationStatus> finalStatus() {
            return Optional.ofNullable(status);
        }
    }

    public CredentialCheck {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(malformedReason, "malformedReason");
        Objects.requireNonNull(keyWithdrawnFrom, "keyWithdrawnFrom");
    }

    static CredentialCheck valid(SignedCredential credential, String reason) {
        return new CredentialCheck(Outcome.SIGNATURE_VALID, reason, Optional.of(credential), Optional.empty());
    }

    static CredentialCheck expired(SignedCredential credential, String reason) {
        return new CredentialCheck(Outcome.EXPIRED, reason, Optional.of(credential), Optional.empty());
    }

    static CredentialCheck rejected(Outcome outcome, String reason) {
        return new CredentialCheck(outcome, reason, Optional.empty(), Optional.empty());
    }

    static CredentialCheck keyWithdrawn(String reason, java.time.Instant from) {
        return new CredentialCheck(Outcome.UNKNOWN_ISSUER, reason, Optional.empty(), Optional.empty(), Optional.of(from));
    }

    static CredentialCheck malformed(MalformedCredentialException e) {
        return new CredentialCheck(Outcome.MALFORMED, "not a Pramaan certificate: " + e.getMessage(), Optional.empty(),
                Optional.of(e.reason()));
    }

    public boolean signatureValid() {
        return outcome == Outcome.SIGNATURE_VALID;
    }
}
