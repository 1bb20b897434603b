package org.pramaan.verifier.verification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.pramaan.contract.certificate.Verification;
import org.pramaan.contract.issuer.IssuerRecord;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.CredentialVerifier;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.TrustList;
import org.pramaan.credential.TrustedSigner;
import org.pramaan.credential.VerificationStatus;
import org.pramaan.verifier.trust.TrustedIssuers;
import org.springframework.stereotype.Service;

/**
 * Verifies a credential: decode, signature against the trust list, claims, then the ledger. The
 * page, the API and the bridge all come here, so they cannot disagree.
 *
 * <p>Statuses in order: {@code MALFORMED}, {@code TAMPERED}, {@code UNKNOWN_ISSUER} and
 * {@code EXPIRED} from the credential itself; then the ledger: no record is {@code NOT_ANCHORED},
 * another hash is {@code TAMPERED}, revoked is {@code REVOKED}. {@code VALID} only when the ledger
 * has confirmed the certificate at least once; a ledger that cannot be asked and never answered for
 * this certificate is {@code UNAVAILABLE}, not {@code NOT_ANCHORED} (a bank must not be told a
 * genuine certificate is unrecorded because our ledger connection is down). No record yet for a
 * certificate signed minutes ago is {@code PENDING}: anchoring takes seconds (see {@link PendingWindow}).
 */
@Service
public class VerificationEngine {

    /** Dates are the state's dates. */
    private static final java.time.ZoneId INDIA = java.time.ZoneId.of("Asia/Kolkata");

    private final TrustedIssuers issuers;
    private final LedgerStatuses statuses;
    private final Clock clock;
    private final PendingWindow pending;
    private final Map<VerificationStatus, Counter> counters = new EnumMap<>(VerificationStatus.class);
    /**
     * Good signatures already checked, by the SHA-256 of the exact QR text (which names the key id): a
     * bank re-checking the same certificate costs a lookup instead of an ECDSA verification. A hit is
     * used only while the current trust list holds the very signer entry it was checked with (same
     * certificate, same revocation), so a revoked or replaced key is never served from here; expiry is
     * re-checked on every hit. Keyed by content, not by the trust list object, so the refresh every
     * 30 s no longer orphans every entry (the soak saw the cache grow by 10 MB a minute).
     */
    private final Cache<String, CheckedSignature> goodSignatures = Caffeine.newBuilder().maximumSize(50_000).build();

    public VerificationEngine(TrustedIssuers issuers, LedgerStatuses statuses, Clock clock, MeterRegistry meters,
                              PendingWindow pending) {
        this.pending = pending;
        this.issuers = issuers;
        this.statuses = statuses;
        this.clock = clock;
        for (VerificationStatus status : VerificationStatus.values()) {
            counters.put(status, meters.counter("verifier.verifications", "status", status.name()));
        }
    }

    /** Verifies a QR text: the verifier URL in any letter case, or the bare payload. */
    public Verdict verify(String qrText) {
        return decide(trust -> {
            String key = sha256(qrText);
            CheckedSignature known = goodSignatures.getIfPresent(key);
            if (known != null && known.stillHolds(trust.trustList(), clock.instant())) {
                return known.check();
            }
            CredentialCheck check = new CredentialVerifier(trust.trustList(), clock).verify(qrText);
            if (check.signatureValid()) {
                SignedCredential credential = check.credential().orElseThrow();
                trust.trustList().signer(credential.kid())
                        .ifPresent(signer -> goodSignatures.put(key, new CheckedSignature(signer, check)));
            }
            return check;
        });
    }

    /** How many good signatures are cached (for tests and the soak: it must not grow with trust refreshes). */
    long cachedSignatures() {
        goodSignatures.cleanUp();
        return goodSignatures.estimatedSize();
    }

    /** Verifies COSE_Sign1 bytes, as embedded in a certificate PDF. */
    public Verdict verify(byte[] cose) {
        return decide(trust -> new CredentialVerifier(trust.trustList(), clock).verify(cose));
    }

    private Verdict decide(Function<TrustedIssuers.Snapshot, CredentialCheck> check) {
        TrustedIssuers.Snapshot trust = issuers.current();
        Verdict verdict = decide(check.apply(trust), trust);
        counters.get(verdict.status()).increment();
        return verdict;
    }

    private Verdict decide(CredentialCheck check, TrustedIssuers.Snapshot trust) {
        Optional<VerificationStatus> failed = check.outcome().finalStatus();
        Optional<CertificateClaims> claims = check.credential().map(SignedCredential::claims);
        Optional<IssuerRecord> department = claims.flatMap(c -> trust.department(c.issuer().value()));
        if (failed.isPresent() && check.keyWithdrawnFrom().isPresent()) {
            // The department withdrew the signing key (compromise, retirement) before this was signed: say when.
            String date = java.time.LocalDate.ofInstant(check.keyWithdrawnFrom().get(), INDIA).toString();
            return new Verdict(failed.get(), "status.KEY_WITHDRAWN",
                    "the department withdrew the key that signed this on " + date, Optional.empty(), department,
                    Optional.empty(), java.util.List.of(date));
        }
        if (failed.isPresent()) {
            return new Verdict(failed.get(), "status." + failed.get().name(), PublicReasons.of(check), claims, department,
                    Optional.empty());
        }
        SignedCredential credential = check.credential().orElseThrow();
        LedgerFinding finding = statuses.lookup(credential.claims().certificateId().toString(),
                credential.claimsHashHex());
        if (finding.result().isEmpty()) {
            return new Verdict(VerificationStatus.UNAVAILABLE, "status.UNAVAILABLE",
                    "the signature holds, but the ledger cannot be reached and has never confirmed this certificate",
                    claims, department, Optional.of(finding.evidence()));
        }
        if (finding.result().get() == Verification.Result.NOT_FOUND
                && pending.covers(credential.claims().issuedAt(), clock.instant())) {
            // Issued moments ago and on its way to the ledger: not a fake, not yet confirmed.
            String time = java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .format(credential.claims().issuedAt().atZone(INDIA));
            return new Verdict(VerificationStatus.PENDING, "status.PENDING",
                    check.reason() + "; issued at " + time + " (India time), the ledger has not confirmed it yet",
                    claims, department, Optional.of(finding.evidence()), java.util.List.of(time));
        }
        VerificationStatus status = statusOf(finding.result().get());
        return new Verdict(status, "status." + status.name(), reasonOf(finding.result().get(), check.reason()), claims,
                department, Optional.of(finding.evidence()));
    }

    /** A good signature and the trust list entry it was checked against. */
    private record CheckedSignature(TrustedSigner signer, CredentialCheck check) {

        boolean stillHolds(TrustList current, java.time.Instant now) {
            SignedCredential credential = check.credential().orElseThrow();
            return current.signer(credential.kid()).filter(signer::equals).isPresent()
                    && now.isBefore(credential.claims().expiresAt());
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static VerificationStatus statusOf(Verification.Result result) {
        return switch (result) {
            case NOT_FOUND -> VerificationStatus.NOT_ANCHORED;
            case HASH_MISMATCH -> VerificationStatus.TAMPERED;
            case REVOKED -> VerificationStatus.REVOKED;
            case ON_HOLD -> VerificationStatus.ON_HOLD;
            case EXPIRED -> VerificationStatus.EXPIRED;
            case VALID -> VerificationStatus.VALID;
        };
    }

    private static String reasonOf(Verification.Result result, String signatureReason) {
        return switch (result) {
            case NOT_FOUND -> signatureReason + ", but the ledger has no record of this certificate";
            case HASH_MISMATCH -> signatureReason + ", but the ledger anchored different contents under this id";
            case REVOKED -> "the ledger records this certificate as revoked";
            case ON_HOLD -> "the department has put this certificate on hold while it checks it";
            case EXPIRED -> "the ledger records this certificate as expired";
            case VALID -> signatureReason + "; anchored on the ledger and active";
        };
    }
}
