package org.pramaan.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.KeyId;
import org.pramaan.credential.CredentialCheck.Outcome;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.SignerKey;

class CredentialRoundTripTest {

    private static final Clock NOW = Clock.fixed(Samples.ISSUED.plus(Duration.ofDays(30)), ZoneOffset.UTC);
    private final CredentialVerifier verifier = new CredentialVerifier(TestKeys.trustList(), NOW);

    @Test
    void aSignedCredentialVerifiesWithItsClaims() {
        SignedCredential signed = Samples.signedIncome();
        String url = signed.url("https://verify.example.gov.in");

        assertThat(url).startsWith("HTTPS://VERIFY.EXAMPLE.GOV.IN/C/").matches("[0-9A-Z $%*+\\-./:]+");
        CredentialCheck check = verifier.verify(url);

        assertThat(check.outcome()).as(check.reason()).isEqualTo(Outcome.SIGNATURE_VALID);
        SignedCredential read = check.credential().orElseThrow();
        assertThat(read.claims()).isEqualTo(signed.claims());
        assertThat(read.claimsHashHex()).isEqualTo(signed.claimsHashHex()).hasSize(64);
        assertThat(read.kid()).isEqualTo(KeyId.of(TestKeys.REV_SIGNER.certificate()));
    }

    @Test
    void theUrlIsReadInAnyLetterCaseAndTheBarePayloadToo() {
        SignedCredential signed = Samples.signedIncome();
        String url = signed.url("https://verify.example.gov.in/");

        assertThat(verifier.verify(url.toLowerCase()).signatureValid()).isTrue();
        assertThat(verifier.verify(signed.payload()).signatureValid()).isTrue();
        assertThat(verifier.verify("  " + signed.payload().toLowerCase() + "\n").signatureValid()).isTrue();
    }

    @Test
    void claimsEncodeToTheSameBytesEveryTime() {
        CertificateClaims claims = Samples.income(Samples.ISSUED);
        assertThat(ClaimsCodec.encode(claims)).isEqualTo(ClaimsCodec.encode(claims));
    }

    @Test
    void aKeyFromAnotherRootIsAnUnknownIssuer() {
        CertificateAuthority otherRoot = CertificateAuthority.createRoot("Forger Root", TestKeys.KEYS_FROM, Duration.ofDays(3650));
        SignerKey forger = otherRoot.issueSigner(TestKeys.REV, TestKeys.KEYS_FROM, Duration.ofDays(730));
        TrustList withForgerListed = TrustList.build(TestKeys.ROOT.certificate(), List.of(
                new TrustedSigner(TestKeys.REV, TestKeys.REV_SIGNER.certificate()),
                new TrustedSigner(TestKeys.REV, forger.certificate())));
        String url = new CredentialSigner(forger).sign(Samples.income(Samples.ISSUED)).url("https://v.example");

        CredentialCheck unlisted = verifier.verify(url);
        CredentialCheck untrusted = new CredentialVerifier(withForgerListed, NOW).verify(url);

        assertThat(unlisted.outcome()).isEqualTo(Outcome.UNKNOWN_ISSUER);
        assertThat(unlisted.reason()).contains("no trusted department key");
        assertThat(untrusted.outcome()).isEqualTo(Outcome.UNKNOWN_ISSUER);
        assertThat(untrusted.reason()).contains("not trusted");
    }

    @Test
    void aKeyOfOneDepartmentCannotSpeakForAnother() {
        TrustList mislabelled = TrustList.build(TestKeys.ROOT.certificate(), List.of(
                new TrustedSigner(TestKeys.HLT, TestKeys.REV_SIGNER.certificate())));
        CredentialCheck check = new CredentialVerifier(mislabelled, NOW).verify(Samples.signedIncome().payload());

        assertThat(check.outcome()).isEqualTo(Outcome.UNKNOWN_ISSUER);
        assertThat(check.reason()).contains("belongs to HLT");
        assertThatThrownBy(() -> new CredentialSigner(TestKeys.HLT_SIGNER).sign(Samples.income(Samples.ISSUED)))
                .hasMessageContaining("cannot sign a certificate of REV");
    }

    @Test
    void anExpiredCertificateIsExpiredButStillShowsWhatItSaid() {
        SignedCredential signed = Samples.signedIncome();
        Clock later = Clock.fixed(signed.claims().expiresAt(), ZoneOffset.UTC);

        CredentialCheck check = new CredentialVerifier(TestKeys.trustList(), later).verify(signed.payload());

        assertThat(check.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(check.credential()).isPresent();
        assertThat(check.reason()).contains("expired");
    }

    @Test
    void aKeyRevokedBeforeTheIssueDateIsAnUnknownIssuerAndAfterItIsFine() {
        SignedCredential signed = Samples.signedIncome();
        Instant issued = signed.claims().issuedAt();

        CredentialCheck revokedBefore = verifierWithRevocation(issued.minusSeconds(1)).verify(signed.payload());
        CredentialCheck revokedAfter = verifierWithRevocation(issued.plusSeconds(1)).verify(signed.payload());

        assertThat(revokedBefore.outcome()).isEqualTo(Outcome.UNKNOWN_ISSUER);
        assertThat(revokedBefore.reason()).contains("revoked");
        assertThat(revokedBefore.keyWithdrawnFrom()).as("a verifier can say when").contains(issued.minusSeconds(1));
        assertThat(revokedAfter.outcome()).isEqualTo(Outcome.SIGNATURE_VALID);
        assertThat(revokedAfter.keyWithdrawnFrom()).isEmpty();
    }

    @Test
    void aCredentialIssuedOutsideTheKeysValidityIsAnUnknownIssuer() {
        SignedCredential signed = new CredentialSigner(TestKeys.REV_SIGNER)
                .sign(Samples.income(TestKeys.KEYS_FROM.plus(Duration.ofDays(800))));
        Clock clock = Clock.fixed(TestKeys.KEYS_FROM.plus(Duration.ofDays(801)), ZoneOffset.UTC);

        CredentialCheck check = new CredentialVerifier(TestKeys.trustList(), clock).verify(signed.payload());

        assertThat(check.outcome()).isEqualTo(Outcome.UNKNOWN_ISSUER);
        assertThat(check.reason()).contains("expired on");
    }

    private static CredentialVerifier verifierWithRevocation(Instant revokedFrom) {
        return new CredentialVerifier(TrustList.build(TestKeys.ROOT.certificate(), List.of(
                new TrustedSigner(TestKeys.REV, TestKeys.REV_SIGNER.certificate(), Optional.of(revokedFrom)))), NOW);
    }
}
