package org.pramaan.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.KeyId;
import org.pramaan.credential.CredentialCheck.Outcome;

/** A forger changes bytes; whatever single byte they change, the verifier must not say valid. */
class TamperingTest {

    private final CredentialVerifier verifier =
            new CredentialVerifier(TestKeys.trustList(), Clock.fixed(Samples.ISSUED.plus(Duration.ofDays(1)), ZoneOffset.UTC));

    @Test
    void everySingleByteChangeOfTheSignedCredentialIsTamperedOrMalformed() {
        SignedCredential signed = Samples.signedIncome();
        byte[] cose = signed.cose().encode();
        int kidStart = indexOf(cose, signed.kid().bytes());
        Map<Outcome, Integer> seen = new EnumMap<>(Outcome.class);

        for (int i = 0; i < cose.length; i++) {
            for (int delta : new int[] {1, 0x80, 0xFF}) {
                byte[] changed = cose.clone();
                changed[i] = (byte) (changed[i] ^ delta);
                CredentialCheck check = verifier.verify(changed);
                seen.merge(check.outcome(), 1, Integer::sum);
                boolean inKid = i >= kidStart && i < kidStart + KeyId.LENGTH;
                if (inKid) {
                    // A changed kid names a key nobody holds: indistinguishable from an unknown signer.
                    assertThat(check.outcome()).as("byte %d (kid) ^ %d", i, delta).isEqualTo(Outcome.UNKNOWN_ISSUER);
                } else {
                    assertThat(check.outcome()).as("byte %d ^ %d: %s", i, delta, check.reason())
                            .isIn(Outcome.TAMPERED, Outcome.MALFORMED);
                }
            }
        }
        assertThat(seen).containsKeys(Outcome.TAMPERED, Outcome.MALFORMED);
    }

    @Test
    void everySingleCharacterChangeOfTheQrTextIsRejectedUnlessItChangesNoCredentialByte() throws Exception {
        String payload = Samples.signedIncome().payload();
        byte[] cose = CredentialText.decode(payload);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        int encodingOnly = 0;
        for (int i = 0; i < payload.length(); i++) {
            for (int shift = 1; shift < alphabet.length(); shift += 6) {
                char replacement = alphabet.charAt((alphabet.indexOf(payload.charAt(i)) + shift) % alphabet.length());
                String changed = payload.substring(0, i) + replacement + payload.substring(i + 1);
                CredentialCheck check = verifier.verify(changed);
                if (check.signatureValid()) {
                    // zlib ignores the padding bits of a stored block and Base32 the spare bits of its
                    // last character: such a change leaves every credential byte as it was.
                    assertThat(CredentialText.decode(changed)).as("character %d", i).isEqualTo(cose);
                    encodingOnly++;
                }
            }
        }
        assertThat(encodingOnly).isLessThan(payload.length() / 20);
    }

    @Test
    void changedClaimsSignedAgainByNobodyAreTampered() {
        SignedCredential signed = Samples.signedIncome();
        CertificateClaims original = signed.claims();
        CertificateClaims richer = new CertificateClaims(original.issuer(), original.certificateId(), original.issuedAt(),
                original.expiresAt(), new CertificateBody(original.body().type(), original.body().holderName(),
                Map.of("fatherName", "Ramachandra Rao", "annualIncome", "9600"), original.body().language()));
        CoseSign1 forged = new CoseSign1(signed.cose().protectedHeader(), signed.kid(), ClaimsCodec.encode(richer),
                signed.cose().signature());

        CredentialCheck check = verifier.verify(CredentialText.payload(forged.encode()));

        assertThat(check.outcome()).isEqualTo(Outcome.TAMPERED);
        assertThat(check.reason()).contains("signature does not match");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("kid not found in the COSE bytes");
    }
}
