package org.pramaan.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The provider behind ES256: the one each test run asks for (the build runs this suite on the
 * native provider and again on the JDK's), and signatures that the other provider accepts, in the
 * raw r||s form COSE needs, from many threads at once.
 */
class CryptoProviderTest {

    private static final String VERIFIER = "https://verify.example.gov.in";

    @Test
    void theRunHasTheProviderItAsksFor() {
        CryptoProvider active = CryptoProvider.active();
        boolean nativePlatform = "Linux".equals(System.getProperty("os.name"))
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        if ("jdk".equals(CryptoProvider.requested())) {
            assertThat(active.isNative()).isFalse();
            assertThat(active.description()).contains("(JDK)", "chosen by configuration");
        } else if (nativePlatform) {
            assertThat(active.isNative()).as(active.description()).isTrue();
            assertThat(active.provider().getName()).isEqualTo("AmazonCorrettoCryptoProvider");
            assertThat(active.description()).contains("AWS-LC", "native");
        } else {
            assertThat(active.isNative()).isFalse();
            assertThat(active.description()).contains("fallback");
        }
        assertThat(active.es256().getProvider()).isSameAs(active.provider());
    }

    @Test
    void anUnknownChoiceIsRefusedByName() {
        assertThatThrownBy(() -> CryptoProvider.choose("fastest"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'fastest'").hasMessageContaining("'native'").hasMessageContaining("'jdk'");
    }

    @Test
    void theJdkChoiceIsTheJdkProvider() {
        CryptoProvider jdk = CryptoProvider.choose("jdk");
        assertThat(jdk.isNative()).isFalse();
        assertThat(jdk.provider().getName()).isEqualTo("SunEC");
    }

    @Test
    void whatTheActiveProviderSignsTheJdkVerifiesAndTheReverse() throws Exception {
        SignedCredential signed = new CredentialSigner(TestKeys.REV_SIGNER).sign(Samples.income(Samples.ISSUED));
        byte[] toBeSigned = signed.cose().toBeSigned();
        Signature jdk = Signature.getInstance(Es256.ALGORITHM, "SunEC");
        jdk.initVerify(TestKeys.REV_SIGNER.certificate().getPublicKey());
        jdk.update(toBeSigned);
        assertThat(signed.cose().signature()).hasSize(CoseSign1.SIGNATURE_LENGTH);
        assertThat(jdk.verify(signed.cose().signature())).isTrue();

        jdk.initSign(TestKeys.REV_SIGNER.privateKey());
        jdk.update(toBeSigned);
        CoseSign1 jdkSigned = new CoseSign1(signed.cose().protectedHeader(), signed.kid(), signed.cose().payload(), jdk.sign());
        CredentialVerifier verifier = new CredentialVerifier(TestKeys.trustList(), Clock.systemUTC());
        assertThat(verifier.verify(jdkSigned.encode()).outcome()).isEqualTo(CredentialCheck.Outcome.SIGNATURE_VALID);
    }

    @Test
    void aDerSignatureIsNotAcceptedAsRaw() throws Exception {
        byte[] data = "the same bytes, signed in DER".getBytes(StandardCharsets.US_ASCII);
        Signature der = Signature.getInstance("SHA256withECDSA", "SunEC");
        der.initSign(TestKeys.REV_SIGNER.privateKey());
        der.update(data);
        byte[] derSignature = der.sign();

        assertThat(derSignature.length).isGreaterThan(CoseSign1.SIGNATURE_LENGTH);
        assertThat(Es256.verify(TestKeys.REV_SIGNER.certificate().getPublicKey(), data, derSignature)).isFalse();
    }

    @Test
    void aKeyTheProviderCannotHoldFailsAloneAndTheThreadSignsOnAfterwards() {
        // Like a PKCS#11 token's key: EC, but no encoding to copy. ACCP 2.5.0 left a thread's object
        // unusable after such a key ("Key has been destroyed" on every later init).
        PrivateKey unexportable = new PrivateKey() {
            @Override
            public String getAlgorithm() {
                return "EC";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
        byte[] data = "after a foreign key".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Es256.sign(unexportable, data)).isInstanceOf(GeneralSecurityException.class);

        SignedCredential signed = new CredentialSigner(TestKeys.REV_SIGNER).sign(Samples.income(Samples.ISSUED));
        CredentialVerifier verifier = new CredentialVerifier(TestKeys.trustList(), Clock.systemUTC());
        assertThat(verifier.verify(signed.url(VERIFIER)).outcome()).isEqualTo(CredentialCheck.Outcome.SIGNATURE_VALID);
    }

    @Test
    void theClaimsHashIsSha256OfThePayload() throws Exception {
        SignedCredential signed = new CredentialSigner(TestKeys.REV_SIGNER).sign(Samples.income(Samples.ISSUED));
        byte[] expected = MessageDigest.getInstance("SHA-256", "SUN").digest(signed.cose().payload());
        assertThat(signed.claimsHash()).isEqualTo(expected);
        assertThat(signed.claimsHash()).as("the same answer on the thread's reused digest").isEqualTo(expected);
    }

    @Test
    void manyThreadsSignAndVerifyAtOnce() throws Exception {
        CredentialSigner signer = new CredentialSigner(TestKeys.REV_SIGNER);
        CredentialVerifier verifier = new CredentialVerifier(TestKeys.trustList(), Clock.systemUTC());
        String tampered = tamper(signer.sign(Samples.income(Samples.ISSUED)).url(VERIFIER));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    int good = 0;
                    for (int i = 0; i < 100; i++) {
                        SignedCredential signed = signer.sign(Samples.income(Samples.ISSUED));
                        // Interleaved valid and tampered checks on one thread's Signature object.
                        if (verifier.verify(signed.url(VERIFIER)).outcome() == CredentialCheck.Outcome.SIGNATURE_VALID
                                && verifier.verify(tampered).outcome() == CredentialCheck.Outcome.TAMPERED) {
                            good++;
                        }
                    }
                    return good;
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(100);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same credential with one signature bit flipped. */
    private static String tamper(String url) throws MalformedCredentialException {
        CoseSign1 cose = CoseSign1.decode(CredentialText.decode(url));
        byte[] signature = cose.signature().clone();
        signature[10] ^= 1;
        return CredentialText.url(VERIFIER, new CoseSign1(cose.protectedHeader(), cose.kid(), cose.payload(), signature).encode());
    }
}
