package org.pramaan.network.identity;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DERSequence;

/**
 * ECDSA P-256 over SHA-256 with DER signatures in low-S form, as Fabric signs and requires
 * (fabric-lib-go bccsp/sw/ecdsa.go: a high-S signature is refused, since (r, n-s) would be a
 * second valid signature of the same message).
 */
public final class Signatures {

    private static final BigInteger P256_ORDER =
            new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);
    private static final BigInteger HALF_ORDER = P256_ORDER.shiftRight(1);

    private Signatures() {
    }

    /** A low-S DER signature of SHA-256({@code message}). */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(message);
            BigInteger[] rs = decode(signer.sign());
            BigInteger s = rs[1].compareTo(HALF_ORDER) > 0 ? P256_ORDER.subtract(rs[1]) : rs[1];
            return new DERSequence(new ASN1Integer[] {new ASN1Integer(rs[0]), new ASN1Integer(s)}).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign with an ECDSA P-256 key", e);
        }
    }

    /** Whether {@code signature} is a valid low-S signature of SHA-256({@code message}) by {@code key}. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            BigInteger[] rs = decode(signature);
            if (rs[1].signum() <= 0 || rs[1].compareTo(HALF_ORDER) > 0) {
                return false;
            }
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | IOException | IllegalArgumentException | ClassCastException e) {
            return false;
        }
    }

    private static BigInteger[] decode(byte[] der) throws IOException {
        ASN1Sequence sequence = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
        if (sequence.size() != 2) {
            throw new IOException("an ECDSA signature is a sequence of two integers");
        }
        return new BigInteger[] {
            ASN1Integer.getInstance(sequence.getObjectAt(0)).getValue(),
            ASN1Integer.getInstance(sequence.getObjectAt(1)).getValue()
        };
    }
}
