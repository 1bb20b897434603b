package org.pramaan.credential.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority that mints X.509 certificates with Bouncy Castle: the state root CA for
 * development, and department signer certificates under it. Production roots live in an HSM; this
 * class exists so that a laptop and the tests have a real chain to validate.
 */
public final class CertificateAuthority {

    private static final SecureRandom SERIALS = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate certificate;

    public CertificateAuthority(PrivateKey key, X509Certificate certificate) {
        this.key = Objects.requireNonNull(key, "key");
        this.certificate = Objects.requireNonNull(certificate, "certificate");
    }

    /** A new self-signed root CA valid from {@code notBefore} for {@code validity}. */
    public static CertificateAuthority createRoot(String commonName, Instant notBefore, Duration validity) {
        KeyPair pair = KeyPairs.generateP256();
        X500Principal subject = new X500Principal("CN=" + commonName + ", O=Pramaan Development, C=IN");
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(subject, subject, pair.getPublic(), notBefore, validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()));
            return new CertificateAuthority(pair.getPrivate(), sign(builder, pair.getPrivate()));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot create root CA " + commonName, e);
        }
    }

    /** A department document-signer certificate (subject OU = department code) and its new key. */
    public SignerKey issueSigner(org.pramaan.contract.id.DepartmentCode department, Instant notBefore, Duration validity) {
        return issueSigner(department, SignerProfile.of(department), notBefore, validity);
    }

    /**
     * A department document-signer certificate and its new key: the department's name in the subject's CN
     * (PDF readers show it as who signed), its code as OU (how keys are found on a token), key usage for
     * signatures (digitalSignature, nonRepudiation), and the CRL distribution point when the profile has one.
     */
    public SignerKey issueSigner(org.pramaan.contract.id.DepartmentCode department, SignerProfile profile,
                                 Instant notBefore, Duration validity) {
        KeyPair pair = KeyPairs.generateP256();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "IN").addRDN(BCStyle.O, "Pramaan Development")
                .addRDN(BCStyle.OU, department.value()).addRDN(BCStyle.CN, profile.commonName()).build();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
                    new BigInteger(127, SERIALS).add(BigInteger.ONE), Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(certificate));
            if (profile.crlDistributionPoint() != null) {
                GeneralNames where = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier,
                        profile.crlDistributionPoint().toString()));
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[] {
                        new DistributionPoint(new DistributionPointName(where), null, null)}));
            }
            return new SignerKey(department, pair.getPrivate(), sign(builder, key));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot issue a signer certificate for " + department, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey key() {
        return key;
    }

    private static X509v3CertificateBuilder builder(X500Principal issuer, X500Principal subject, PublicKey publicKey,
                                                    Instant notBefore, Duration validity) {
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, SERIALS).add(BigInteger.ONE),
                Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, publicKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signingKey)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign certificate", e);
        }
    }
}
