package org.pramaan.issuer.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.KeyPairs;

/**
 * The development RFC 3161 timestamp authority, built on Bouncy Castle's TSP classes: a P-256 key made at
 * start, certified by the development state root for time stamping only (critical extended key usage), so
 * development PDFs are PAdES B-T and validators chain the timestamp to the same root as the signature.
 * The issuer stamps through it in process, and serves it at {@code POST /tsa} for anyone else (RFC 3161
 * over HTTP). Production uses the certifying authority's TSA ({@code PDF_SIGNATURE_TSA_URL}) instead.
 */
public final class DevelopmentTsa implements Timestamps {

    /** A development-only policy, under the same private arc as the development network's attributes. */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.2");
    private static final SecureRandom SERIALS = new SecureRandom();

    private final X509Certificate certificate;
    private final TimeStampTokenGenerator tokens;
    private final TimeStampResponseGenerator responses;
    private final Clock clock;

    public DevelopmentTsa(CertificateAuthority root, Clock clock) {
        this.clock = clock;
        KeyPair pair = KeyPairs.generateP256();
        try {
            this.certificate = certify(root, pair, clock.instant());
            DigestCalculatorProvider digests = PadesSigner.digestCalculators();
            DigestCalculator sha256 = digests.get(
                    new org.bouncycastle.asn1.x509.AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256));
            // Tokens are signed through the credential library's provider, native where it loads, as the PDFs are.
            SignerInfoGenerator signer = new JcaSignerInfoGeneratorBuilder(digests)
                    .build(new Es256ContentSigner(pair.getPrivate()), certificate);
            this.tokens = new TimeStampTokenGenerator(signer, sha256, POLICY);
            tokens.addCertificates(new JcaCertStore(List.of(certificate, root.certificate())));
            this.responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        } catch (GeneralSecurityException | OperatorCreationException | TSPException | IOException e) {
            throw new IllegalStateException("cannot start the development timestamp authority", e);
        }
    }

    /** Answers a DER TimeStampReq with a DER TimeStampResp; a malformed or unacceptable request gets a rejection. */
    public byte[] respond(byte[] request) {
        try {
            TimeStampRequest parsed = new TimeStampRequest(request);
            return respond(parsed).getEncoded();
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("not an RFC 3161 timestamp request", e);
        }
    }

    /**
     * A token for the issuer's own request, made straight by the token generator: the request is ours and
     * well formed, so the response wrapping and the request checks that {@link #respond(byte[])} does for
     * other clients would be work thrown away for every certificate.
     */
    @Override
    public byte[] token(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256);
        try {
            // The generator's content signer holds one Signature object: one token at a time.
            synchronized (responses) {
                return tokens.generate(request, new BigInteger(63, SERIALS), Date.from(clock.instant())).getEncoded();
            }
        } catch (TSPException e) {
            throw new TimestampUnavailableException("the development TSA failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new TimestampUnavailableException("cannot encode a timestamp token", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private TimeStampResponse respond(TimeStampRequest request) {
        try {
            // The generator's content signer holds one Signature object: one token at a time.
            synchronized (responses) {
                return responses.generate(request, new BigInteger(63, SERIALS), Date.from(clock.instant()));
            }
        } catch (TSPException e) {
            throw new TimestampUnavailableException("the development TSA failed: " + e.getMessage(), e);
        }
    }

    private static X509Certificate certify(CertificateAuthority root, KeyPair pair, Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        X500Principal subject = new X500Principal("CN=Pramaan Development Timestamp Authority, O=Pramaan Development, C=IN");
        Instant notBefore = now.minus(Duration.ofDays(1));
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root.certificate().getSubjectX500Principal(),
                new BigInteger(127, SERIALS).add(BigInteger.ONE), Date.from(notBefore),
                Date.from(notBefore.plus(Duration.ofDays(5 * 365))), subject, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root.certificate()));
        PrivateKey rootKey = root.key();
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(rootKey)));
    }
}
