package org.pramaan.chaincode.testing;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * A client identity as a Fabric peer hands it to chaincode: a serialized identity with the MSP id
 * and an ECDSA P-256 X.509 certificate in PEM, issued by a test CA and carrying Fabric CA
 * attributes in extension 1.2.3.4.5.6.7.8.1 as raw JSON. The shim's own {@code ClientIdentity}
 * parses these, so the contract's access checks run on the real parsing.
 */
public final class TestIdentity {

    public static final String GOV_MSP = "GovMSP";
    private static final ASN1ObjectIdentifier FABRIC_ATTRIBUTES = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");
    private static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");
    private static final Duration VALIDITY = Duration.ofDays(365L * 30);
    private static final AtomicLong SERIALS = new AtomicLong(1);
    private static final Map<String, TestIdentity> CACHE = new ConcurrentHashMap<>();
    private static final Ca CA = new Ca();

    private final String name;
    private final byte[] serialized;

    private TestIdentity(String name, byte[] serialized) {
        this.name = name;
        this.serialized = serialized;
    }

    public static TestIdentity admin() {
        return withAttributes("admin", GOV_MSP, "{\"attrs\":{\"role\":\"admin\"}}");
    }

    public static TestIdentity issuer(String department) {
        return withAttributes("issuer-" + department, GOV_MSP,
                "{\"attrs\":{\"dept\":\"" + department + "\",\"role\":\"issuer\"}}");
    }

    /** An identity with no attribute extension at all, like a plain cryptogen user. */
    public static TestIdentity withoutAttributes(String name) {
        return withAttributes(name, GOV_MSP, null);
    }

    /**
     * An identity whose attribute extension holds exactly {@code attributeJson} (which need not be
     * valid JSON), or none when it is null.
     */
    public static TestIdentity withAttributes(String name, String mspId, String attributeJson) {
        return CACHE.computeIfAbsent(name + "|" + mspId + "|" + attributeJson,
                k -> new TestIdentity(name, serialize(mspId, CA.issue(name, attributeJson))));
    }

    /** What {@code ChaincodeStub.getCreator()} returns for this identity. */
    public byte[] creator() {
        return serialized.clone();
    }

    @Override
    public String toString() {
        return name;
    }

    private static byte[] serialize(String mspId, String pem) {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFrom(pem, StandardCharsets.UTF_8))
                .build()
                .toByteArray();
    }

    private static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** A CA in the style of Fabric CA: the attributes go into the leaf, signed with ECDSA. */
    private static final class Ca {
        private final KeyPair keys;
        private final X500Principal subject = new X500Principal("CN=Test CA, O=GovMSP, C=IN");

        Ca() {
            try {
                keys = p256();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        String issue(String commonName, String attributeJson) {
            try {
                KeyPair leaf = p256();
                X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                        BigInteger.valueOf(SERIALS.getAndIncrement()), Date.from(NOT_BEFORE),
                        Date.from(NOT_BEFORE.plus(VALIDITY)),
                        new X500Principal("CN=" + commonName + ", OU=client, O=GovMSP, C=IN"), leaf.getPublic())
                        .addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                if (attributeJson != null) {
                    builder.addExtension(FABRIC_ATTRIBUTES, false, attributeJson.getBytes(StandardCharsets.UTF_8));
                }
                var certificate = new JcaX509CertificateConverter().getCertificate(
                        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
                StringWriter pem = new StringWriter();
                try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                    writer.writeObject(certificate);
                }
                return pem.toString();
            } catch (GeneralSecurityException | OperatorCreationException e) {
                throw new IllegalStateException("cannot mint a test identity for " + commonName, e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
