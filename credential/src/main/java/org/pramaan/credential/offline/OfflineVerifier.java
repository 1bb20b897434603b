package org.pramaan.credential.offline;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.CredentialVerifier;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.VerificationStatus;

/**
 * Verifies certificates with an {@link OfflineBundle} and no network, answering the statuses the
 * server answers: the credential checks are the server's own ({@link CredentialVerifier} over the
 * bundle's trust list), then the bundle's revoked and held ids stand in for the ledger. What only the
 * ledger can know is not claimed: offline {@code VALID} means genuine, unchanged, unexpired and not
 * revoked or held as of {@link OfflineBundle#revocationsAsOf()}, not "anchored" (see docs/offline-bundle.md).
 * Thread-safe.
 *
 * <pre>{@code
 * OfflineVerifier verifier = new OfflineVerifier(OfflineBundle.read(bundleBytes, receiptKey), Clock.systemUTC());
 * OfflineCheck check = verifier.verify(qrText);
 * }</pre>
 */
public final class OfflineVerifier {

    private final OfflineBundle bundle;
    private final Clock clock;
    private final CredentialVerifier credentials;

    public OfflineVerifier(OfflineBundle bundle, Clock clock) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.credentials = new CredentialVerifier(bundle.trustList(), clock);
    }

    public OfflineBundle bundle() {
        return bundle;
    }

    /** Verifies a QR text: the verifier URL in any letter case, or the bare payload. */
    public OfflineCheck verify(String qrText) {
        return decide(credentials.verify(qrText == null ? "" : qrText));
    }

    /** Verifies COSE_Sign1 bytes, as embedded in a certificate PDF. */
    public OfflineCheck verify(byte[] cose) {
        return decide(credentials.verify(cose == null ? new byte[0] : cose));
    }

    private OfflineCheck decide(CredentialCheck check) {
        Instant asOf = bundle.revocationsAsOf();
        boolean reconnect = bundle.staleAt(clock.instant());
        Optional<VerificationStatus> failed = check.outcome().finalStatus();
        if (failed.isPresent()) {
            Optional<String> code = check.keyWithdrawnFrom().isPresent() ? Optional.of("KEY_WITHDRAWN")
                    : check.malformedReason().map(Enum::name);
            return new OfflineCheck(failed.get(), code, check.reason(), check.credential(), asOf, reconnect);
        }
        SignedCredential credential = check.credential().orElseThrow();
        CertificateClaims claims = credential.claims();
        String department = claims.issuer().value();
        String id = claims.certificateId().toString();
        if (bundle.isRevoked(department, id)) {
            return new OfflineCheck(VerificationStatus.REVOKED, Optional.empty(),
                    "certificate " + id + " is revoked (as of " + asOf + ")", Optional.of(credential), asOf, reconnect);
        }
        if (bundle.isHeld(department, id)) {
            return new OfflineCheck(VerificationStatus.ON_HOLD, Optional.empty(),
                    "the department has put certificate " + id + " on hold while it checks it (as of " + asOf + ")",
                    Optional.of(credential), asOf, reconnect);
        }
        return new OfflineCheck(VerificationStatus.VALID, Optional.empty(),
                check.reason() + "; checked offline, revocations as of " + asOf, Optional.of(credential), asOf, reconnect);
    }
}
