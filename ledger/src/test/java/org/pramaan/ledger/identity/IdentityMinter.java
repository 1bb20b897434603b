package org.pramaan.ledger.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.KeyPairs;

/**
 * Mints client identities the way Fabric CA does: an ECDSA P-256 certificate with {@code OU=client}
 * (for NodeOUs) and the Fabric CA attribute extension, whose value is the raw JSON
 * {@code {"attrs":{...}}} (not wrapped in another octet string).
 */
public final class IdentityMinter {

    /** The extension Fabric CA writes attributes into. */
    public static final ASN1ObjectIdentifier ATTRIBUTES = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");

    private static final SecureRandom SERIALS = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String mspId;
    private final CertificateAuthority authority;

    public IdentityMinter(String mspId, CertificateAuthority authority) {
        this.mspId = mspId;
        this.authority = authority;
    }

    /** A client identity named {@code name} carrying {@code attributes} (e.g. role=issuer, dept=REV). */
    public LedgerIdentity mint(String name, Map<String, String> attributes, Instant notBefore, Duration validity) {
        KeyPair pair = KeyPairs.generateP256();
        X500Principal subject = new X500Principal("CN=" + name + ", OU=client, O=" + mspId);
        try {
            var builder = new JcaX509v3CertificateBuilder(authority.certificate().getSubjectX500Principal(),
                    new BigInteger(127, SERIALS).add(BigInteger.ONE), Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(ATTRIBUTES, false, attributesJson(attributes).getBytes(StandardCharsets.UTF_8));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(authority.key())));
            return new LedgerIdentity(mspId, certificate, pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException("cannot mint identity " + name + " for " + mspId, e);
        }
    }

    /** {@code {"attrs":{"dept":"REV","role":"issuer"}}}, keys sorted. */
    static String attributesJson(Map<String, String> attributes) {
        try {
            return JSON.writeValueAsString(Map.of("attrs", new TreeMap<>(attributes)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("attributes cannot be written as JSON: " + attributes, e);
        }
    }
}
