package org.pramaan.credential.bench;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.CoseSign1;
import org.pramaan.credential.CredentialCheck;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.credential.CredentialVerifier;
import org.pramaan.credential.CryptoProvider;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.TestKeys;
import org.pramaan.credential.cli.SampleCertificate;

/**
 * Credential throughput next to the raw ECDSA P-256 it is built on, same provider, same bytes:
 * the ratio shows what decoding, CBOR and the trust list cost on top of the signature itself. Each
 * provider runs in its own forked JVM (the provider is chosen once per JVM), so one run compares the
 * native provider with the JDK's.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class CredentialBenchmark {

    static final String VERIFIER = "https://verify.pramaan.ap.gov.in";

    /** {@link CryptoProvider#PROPERTY}: set before the library first signs, in this fork only. */
    @Param({"native", "jdk"})
    public String provider;

    private CredentialSigner signer;
    private CredentialVerifier verifier;
    private CertificateClaims claims;
    private String qrText;
    private byte[] toBeSigned;
    private byte[] signature;
    private Signature rawSigner;
    private Signature rawVerifier;

    @Setup
    public void setUp() throws GeneralSecurityException {
        System.setProperty(CryptoProvider.PROPERTY, provider);
        if (CryptoProvider.active().isNative() != provider.equals("native")) {
            throw new IllegalStateException("asked for the " + provider + " provider, got " + CryptoProvider.active());
        }
        signer = new CredentialSigner(TestKeys.REV_SIGNER);
        verifier = new CredentialVerifier(TestKeys.trustList(), Clock.systemUTC());
        claims = SampleCertificate.incomeCertificate(Instant.now());
        SignedCredential signed = signer.sign(claims);
        qrText = signed.url(VERIFIER);
        toBeSigned = CoseSign1.toBeSigned(signed.cose().protectedHeader(), signed.cose().payload());
        signature = signed.cose().signature();
        rawSigner = CryptoProvider.active().es256();
        rawVerifier = CryptoProvider.active().es256();
        if (!verifier.verify(qrText).signatureValid()) {
            throw new IllegalStateException("the benchmark credential does not verify");
        }
    }

    @Benchmark
    public byte[] rawSign() throws GeneralSecurityException {
        rawSigner.initSign(TestKeys.REV_SIGNER.privateKey());
        rawSigner.update(toBeSigned);
        return rawSigner.sign();
    }

    @Benchmark
    public boolean rawVerify() throws GeneralSecurityException {
        rawVerifier.initVerify(TestKeys.REV_SIGNER.certificate().getPublicKey());
        rawVerifier.update(toBeSigned);
        return rawVerifier.verify(signature);
    }

    @Benchmark
    public String signAndEncode() {
        return signer.sign(claims).url(VERIFIER);
    }

    @Benchmark
    public CredentialCheck decodeAndVerify() {
        return verifier.verify(qrText);
    }
}
