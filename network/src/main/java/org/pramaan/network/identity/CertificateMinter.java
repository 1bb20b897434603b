package org.pramaan.network.identity;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pramaan.credential.keys.CertificateAuthority;
import org.pramaan.credential.keys.KeyPairs;

/**
 * Mints end-entity certificates under one CA the way Fabric CA and cryptogen do: node identities
 * with a NodeOU ({@code OU=client} or {@code OU=peer}) and Fabric CA attributes in extension
 * 1.2.3.4.5.6.7.8.1 as raw JSON {@code {"attrs":{...}}} (fabric-ca lib/attrmgr/attrmgr.go), and
 * TLS server certificates with subject alternative names.
 */
public final class CertificateMinter {

    /** The extension Fabric CA writes attributes into. */
    public static final ASN1ObjectIdentifier ATTRIBUTES = new ASN1ObjectIdentifier("1.2.3.4.5.6.7.8.1");

    private static final SecureRandom SERIALS = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CertificateAuthority authority;
    private final Instant notBefore;
    private final Duration validity;

    public CertificateMinter(CertificateAuthority authority, Instant notBefore, Duration validity) {
        this.authority = authority;
        this.notBefore = notBefore;
        this.validity = validity;
    }

    /** A signing identity {@code CN=name, OU=nodeOu, O=mspId} carrying {@code attributes} (none when empty). */
    public Member node(String mspId, String name, String nodeOu, Map<String, String> attributes) {
        KeyPair pair = KeyPairs.generateP256();
        X500Principal subject = new X500Principal("CN=" + name + ", OU=" + nodeOu + ", O=" + mspId);
        try {
            X509v3CertificateBuilder builder = builder(subject, pair)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            if (!attributes.isEmpty()) {
                builder.addExtension(ATTRIBUTES, false, attributesJson(attributes).getBytes(StandardCharsets.UTF_8));
            }
            return new Member(mspId, sign(builder), pair.getPrivate());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot mint " + name + " for " + mspId, e);
        }
    }

    /** A TLS server certificate for {@code hosts} (DNS names or IP addresses). */
    public Member tlsServer(String name, List<String> hosts) {
        KeyPair pair = KeyPairs.generateP256();
        GeneralName[] names = hosts.stream()
                .map(h -> new GeneralName(h.matches("[0-9.]+|.*:.*") ? GeneralName.iPAddress : GeneralName.dNSName, h))
                .toArray(GeneralName[]::new);
        try {
            X509v3CertificateBuilder builder = builder(new X500Principal("CN=" + name + ", O=Pramaan Development"), pair)
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            return new Member("tls", sign(builder), pair.getPrivate());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot mint the TLS certificate " + name, e);
        }
    }

    private X509v3CertificateBuilder builder(X500Principal subject, KeyPair pair) throws java.io.IOException {
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            return new JcaX509v3CertificateBuilder(authority.certificate().getSubjectX500Principal(),
                    new BigInteger(127, SERIALS).add(BigInteger.ONE), Date.from(notBefore),
                    Date.from(notBefore.plus(validity)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(authority.certificate()));
        } catch (GeneralSecurityException e) {
            throw new java.io.IOException("cannot prepare a certificate for " + subject, e);
        }
    }

    private X509Certificate sign(X509v3CertificateBuilder builder) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(authority.key())));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot sign a certificate", e);
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
