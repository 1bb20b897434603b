package org.pramaan.verifier.verification;

import java.util.Objects;
import java.util.Optional;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.VerificationStatus;

/**
 * The verifier's one answer, whatever asked: the status, the message to show (a key into the
 * localised messages), a technical reason in English, what the certificate says when its signature
 * holds, its department, and the ledger evidence.
 */
public record Verdict(VerificationStatus status, String messageKey, String reason, Optional<CertificateClaims> claims,
                      Optional<IssuerRecord> department, Optional<LedgerEvidence> ledger,
                      java.util.List<Object> messageArguments) {

    public Verdict(VerificationStatus status, String messageKey, String reason, Optional<CertificateClaims> claims,
                   Optional<IssuerRecord> department, Optional<LedgerEvidence> ledger) {
        this(status, messageKey, reason, claims, department, ledger, java.util.List.of());
    }

    public Verdict {
        messageArguments = java.util.List.copyOf(messageArguments);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(messageKey, "messageKey");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(ledger, "ledger");
    }

    static Verdict of(VerificationStatus status, String reason) {
        return new Verdict(status, "status." + status.name(), reason, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** No readable credential: an image without a QR code, for example. */
    public static Verdict malformed(String messageKey, String reason) {
        return new Verdict(VerificationStatus.MALFORMED, messageKey, reason, Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
