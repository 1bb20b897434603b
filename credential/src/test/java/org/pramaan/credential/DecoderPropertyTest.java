package org.pramaan.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.io.BaseEncoding;
import java.time.Clock;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Property tests of the decoder: no input, however odd, throws out of it or passes as valid. The
 * verifier sits on a public URL; every byte it reads is chosen by whoever sends it.
 */
class DecoderPropertyTest {

    private static final CredentialVerifier VERIFIER = new CredentialVerifier(TestKeys.trustList(), Clock.systemUTC());
    private static final byte[] VALID_COSE = Samples.signedIncome().cose().encode();

    @Property(tries = 2000)
    void anyTextIsAnsweredWithoutAnException(@ForAll String text) {
        assertThat(VERIFIER.verify(text).signatureValid()).isFalse();
    }

    @Property(tries = 2000)
    void anyBase32IsAnsweredWithoutAnException(@ForAll @Size(max = 3000) byte[] bytes) {
        assertThat(VERIFIER.verify(BaseEncoding.base32().omitPadding().encode(bytes)).signatureValid()).isFalse();
    }

    @Property(tries = 2000)
    void anyCompressedBytesAreAnsweredWithoutAnException(@ForAll @Size(max = 2000) byte[] bytes) {
        assertThat(VERIFIER.verify(CredentialText.payload(bytes)).signatureValid()).isFalse();
    }

    @Property(tries = 3000)
    void mutatedCredentialsNeverPass(@ForAll("mutations") byte[] mutated) {
        CredentialCheck check = VERIFIER.verify(CredentialText.payload(mutated));
        assertThat(check.signatureValid()).as(check.reason()).isFalse();
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID_COSE.length - 1);
        Arbitrary<Integer> flip = Arbitraries.integers().between(1, 255);
        return position.list().ofMinSize(1).ofMaxSize(4).flatMap(positions -> flip.list().ofSize(positions.size()).map(flips -> {
            byte[] copy = VALID_COSE.clone();
            for (int i = 0; i < positions.size(); i++) {
                copy[positions.get(i)] ^= flips.get(i).byteValue();
            }
            return copy;
        })).filter(bytes -> !java.util.Arrays.equals(bytes, VALID_COSE));
    }
}
