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
                      Optional<IssuerRecord> department, Optional<LedgerEvidence> ledger) {

    public Verdict {
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
