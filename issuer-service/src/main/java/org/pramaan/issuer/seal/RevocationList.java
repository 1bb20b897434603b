package org.pramaan.issuer.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.pramaan.credential.keys.CertificateAuthority;

/**
 * An X.509 CRL (RFC 5280) of department signing certificates, signed by the CA that issued them, so a
 * PDF reader that checks revocation agrees with the ledger: each certificate whose key the ledger lists
 * as revoked is on it from the ledger's revocation instant, with the reason mapped from the ledger's code.
 */
public final class RevocationList {

    /** How long a CRL is fresh: readers fetch a new one after this. */
    public static final Duration NEXT_UPDATE = Duration.ofHours(1);

    private RevocationList() {
    }

    /** One revoked certificate: its serial, from when, and the ledger's revocation code. */
    public record Revoked(BigInteger serial, Instant from, String ledgerCode) {
    }

    public static byte[] build(CertificateAuthority issuer, Iterable<Revoked> revoked, Instant now, long number) {
        try {
            X509Certificate ca = issuer.certificate();
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca, Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(NEXT_UPDATE)));
            for (Revoked r : revoked) {
                builder.addCRLEntry(r.serial(), Date.from(r.from()), reason(r.ledgerCode()));
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
            return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.key())).getEncoded();
        } catch (IOException | OperatorCreationException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the department certificates' CRL", e);
        }
    }

    /** The ledger's key revocation codes as RFC 5280 reasons. */
    static int reason(String ledgerCode) {
        return switch (ledgerCode == null ? "" : ledgerCode) {
            case "KEY_COMPROMISE" -> CRLReason.keyCompromise;
            case "SUPERSEDED" -> CRLReason.superseded;
            case "RETIRED" -> CRLReason.cessationOfOperation;
            default -> CRLReason.unspecified;
        };
    }

}
