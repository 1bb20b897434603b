package org.pramaan.credential;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a credential against the trust list: decodes it, finds the signer by {@code kid}, checks
 * the ES256 signature, then the claims against the signer and the clock. Never throws for bad
 * input: every failure is a {@link CredentialCheck} with a reason. Thread-safe.
 *
 * <pre>{@code
 * CredentialVerifier verifier = new CredentialVerifier(trustList, Clock.systemUTC());
 * CredentialCheck check = verifier.verify(qrText);
 * }</pre>
 */
public final class CredentialVerifier {

    private final TrustList trustList;
    private final Clock clock;

    public CredentialVerifier(TrustList trustList, Clock clock) {
        this.trustList = Objects.requireNonNull(trustList, "trustList");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Verifies a QR text: the verifier URL in any letter case, or the bare payload. */
    public CredentialCheck verify(String qrText) {
        try {
            return verifyCose(CredentialText.decode(qrText));
        } catch (MalformedCredentialException e) {
            return CredentialCheck.malformed(e);
        }
    }

    /** Verifies COSE_Sign1 bytes (for example a credential embedded in a PDF). */
    public CredentialCheck verify(byte[] coseBytes) {
        try {
            return verifyCose(coseBytes);
        } catch (MalformedCredentialException e) {
            return CredentialCheck.malformed(e);
        }
    }

    private CredentialCheck verifyCose(byte[] coseBytes) throws MalformedCredentialException {
        CoseSign1 cose = CoseSign1.decode(coseBytes);
        Optional<TrustedSigner> found = trustList.signer(cose.kid());
        if (found.isEmpty()) {
            return CredentialCheck.rejected(CredentialCheck.Outcome.UNKNOWN_ISSUER, trustList.untrustedReason(cose.kid())
                    .orElse("no trusted department key has id " + cose.kid()));
        }
        TrustedSigner signer = found.get();
        if (!Es256.verify(signer.certificate().getPublicKey(), cose.toBeSigned(), cose.signature())) {
            return CredentialCheck.rejected(CredentialCheck.Outcome.TAMPERED,
                    "the signature does not match: the certificate was changed after " + signer.department() + " signed it");
        }
        CertificateClaims claims = ClaimsCodec.decode(cose.payload());
        SignedCredential credential = new SignedCredential(claims, cose);
        if (!claims.issuer().equals(signer.department())) {
            return CredentialCheck.rejected(CredentialCheck.Outcome.UNKNOWN_ISSUER,
                    "the key " + cose.kid() + " belongs to " + signer.department() + ", which cannot issue for " + claims.issuer());
        }
        if (signer.revokedFrom().isPresent() && !claims.issuedAt().isBefore(signer.revokedFrom().get())) {
            return CredentialCheck.keyWithdrawn("issued on " + claims.issuedAt() + ", after " + signer.department()
                    + " withdrew the key that signed it (revoked from " + signer.revokedFrom().get() + ")",
                    signer.revokedFrom().get());
        }
        Optional<String> keyProblem = keyProblemAt(signer, claims.issuedAt());
        if (keyProblem.isPresent()) {
            return CredentialCheck.rejected(CredentialCheck.Outcome.UNKNOWN_ISSUER, keyProblem.get());
        }
        Instant now = clock.instant();
        if (!now.isBefore(claims.expiresAt())) {
            return CredentialCheck.expired(credential, "certificate " + claims.certificateId() + " expired on " + claims.expiresAt());
        }
        return CredentialCheck.valid(credential,
                "signed by " + signer.department() + " with key " + cose.kid() + " and unchanged since");
    }

    private static Optional<String> keyProblemAt(TrustedSigner signer, Instant issuedAt) {
        X509Certificate certificate = signer.certificate();
        if (issuedAt.isBefore(certificate.getNotBefore().toInstant())) {
            return Optional.of("issued on " + issuedAt + ", before the key of " + signer.department()
                    + " became valid on " + certificate.getNotBefore().toInstant());
        }
        if (issuedAt.isAfter(certificate.getNotAfter().toInstant())) {
            return Optional.of("issued on " + issuedAt + ", after the key of " + signer.department()
                    + " expired on " + certificate.getNotAfter().toInstant());
        }
        if (signer.revokedFrom().isPresent() && !issuedAt.isBefore(signer.revokedFrom().get())) {
            return Optional.of("issued on " + issuedAt + ", after the key of " + signer.department()
                    + " was revoked from " + signer.revokedFrom().get());
        }
        return Optional.empty();
    }
}
