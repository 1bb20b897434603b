package org.pramaan.credential.offline;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.keys.SignerKey;

/**
 * Fixed P-256 keys for the offline test vectors: each private scalar is SHA-256 of a label (mod n), so
 * the generator makes the same keys on every run and the vectors can be re-made and compared. Test
 * use only: anyone can derive these keys.
 */
final class VectorKeys {

    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECParameterSpec SPEC;

    static {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            SPEC = parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private VectorKeys() {
    }

    static KeyPair fixed(String label) {
        try {
            byte[] seed = MessageDigest.getInstance("SHA-256").digest(("pramaan offline vector key " + label)
                    .getBytes(StandardCharsets.UTF_8));
            BigInteger d = new BigInteger(1, seed).mod(CURVE.getN().subtract(BigInteger.ONE)).add(BigInteger.ONE);
            org.bouncycastle.math.ec.ECPoint q = CURVE.getG().multiply(d).normalize();
            KeyFactory factory = KeyFactory.getInstance("EC");
            PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(d, SPEC));
            PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(
                    new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger()), SPEC));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A root CA certificate for a fixed key. */
    static X509Certificate root(String name, KeyPair pair, Instant from, Duration validity) {
        try {
            X500Principal subject = new X500Principal("CN=" + name + ", O=Pramaan Test Vectors, C=IN");
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            return sign(new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(1), Date.from(from),
                    Date.from(from.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(1))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic())),
                    pair.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the vector root " + name, e);
        }
    }

    /** A department signer with a fixed key, issued by {@code root}. */
    static SignerKey signer(DepartmentCode department, KeyPair pair, X509Certificate root, PrivateKey rootKey,
                            long serial, Instant from, Duration validity) {
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "IN")
                    .addRDN(BCStyle.O, "Pramaan Test Vectors").addRDN(BCStyle.OU, department.value())
                    .addRDN(BCStyle.CN, department.value() + " document signer").build();
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509Certificate certificate = sign(new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), BigInteger.valueOf(serial),
                    Date.from(from), Date.from(from.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root)),
                    rootKey);
            return new SignerKey(department, pair.getPrivate(), certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the vector signer of " + department, e);
        }
    }

    private static X509Certificate sign(org.bouncycastle.cert.X509v3CertificateBuilder builder, PrivateKey key)
            throws Exception {
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }
}
