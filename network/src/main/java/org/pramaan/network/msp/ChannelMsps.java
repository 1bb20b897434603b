package org.pramaan.network.msp;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;

/**
 * The channel's organisations and their root CAs: turns a creator or endorser
 * {@code SerializedIdentity} into a {@link VerifiedIdentity} or refuses it, following Fabric's
 * X.509 MSP (msp/mspimpl.go, mspimplvalidate.go): the MSP id must be known, the certificate a
 * non-CA certificate issued by that MSP's root, with exactly one NodeOU. Unlike Fabric it also
 * refuses certificates outside their validity dates, since the development CAs issue no CRLs.
 */
public final class ChannelMsps {

    private final Map<String, X509Certificate> roots;
    private final Clock clock;

    public ChannelMsps(Map<String, X509Certificate> roots, Clock clock) {
        this.roots = Map.copyOf(roots);
        this.clock = clock;
    }

    public boolean knows(String mspId) {
        return roots.containsKey(mspId);
    }

    /** Deserializes and validates {@code serialized}. */
    public VerifiedIdentity verify(ByteString serialized) throws MspException {
        SerializedIdentity identity;
        try {
            identity = SerializedIdentity.parseFrom(serialized);
        } catch (InvalidProtocolBufferException e) {
            throw new MspException("could not deserialize a SerializedIdentity: " + e.getMessage());
        }
        X509Certificate root = roots.get(identity.getMspid());
        if (root == null) {
            throw new MspException("MSP " + identity.getMspid() + " is unknown");
        }
        X509Certificate certificate = parse(identity.getIdBytes());
        if (certificate.getBasicConstraints() >= 0) {
            throw new MspException("the supplied identity is not valid: a CA certificate cannot be used directly");
        }
        if (!certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            throw new MspException("the supplied identity is not valid: x509: certificate signed by unknown authority");
        }
        try {
            certificate.verify(root.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new MspException("the supplied identity is not valid: x509: certificate signed by unknown authority");
        }
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new MspException("the supplied identity is not valid: x509: certificate has expired or is not yet valid");
        }
        return new VerifiedIdentity(identity.getMspid(), certificate, role(certificate), serialized);
    }

    private static X509Certificate parse(ByteString pem) throws MspException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.toByteArray()));
        } catch (CertificateException | ClassCastException e) {
            throw new MspException("could not decode the identity's certificate: " + e.getMessage());
        }
    }

    private static NodeRole role(X509Certificate certificate) throws MspException {
        List<NodeRole> found = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("OU")) {
                    Optional<NodeRole> role = NodeRole.ofUnit(rdn.getValue().toString());
                    role.ifPresent(found::add);
                }
            }
        } catch (InvalidNameException e) {
            throw new MspException("the identity's subject cannot be read: " + e.getMessage());
        }
        if (found.size() != 1) {
            throw new MspException("the supplied identity is not valid: the identity must be a client, a peer, an"
                    + " orderer or an admin identity to be valid, not a combination of them (found " + found + ")");
        }
        return found.get(0);
    }
}
