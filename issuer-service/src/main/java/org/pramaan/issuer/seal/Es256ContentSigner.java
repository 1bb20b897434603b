package org.pramaan.issuer.seal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.RuntimeOperatorException;
import org.pramaan.credential.CryptoProvider;

/**
 * A Bouncy Castle content signer for SHA-256 with ECDSA (P-256) that signs through the credential library's
 * {@link CryptoProvider}: the native provider where it loads, with the key translated once and a signature
 * object per thread, where {@code JcaContentSignerBuilder} would find the JDK's SunEC by the key's type and
 * look up a new signature object for every PDF. SunEC took about a tenth of an issuance's CPU for the two
 * signatures of a PAdES B-T seal (the CMS and the development TSA's token). A key the native provider
 * cannot hold (a PKCS#11 token's) signs in its own provider, as the credential does.
 *
 * <p>What is signed (the DER of the signed attributes) is small, so it is buffered. One signature at a
 * time: {@link #getOutputStream} starts the next.
 */
final class Es256ContentSigner implements ContentSigner {

    private static final AlgorithmIdentifier ECDSA_WITH_SHA256 = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
    /** The signed attributes of a CMS signer info are a few hundred bytes. */
    private static final int TYPICAL_INPUT = 512;

    private final PrivateKey key;
    private ByteArrayOutputStream input = new ByteArrayOutputStream(TYPICAL_INPUT);

    Es256ContentSigner(PrivateKey key) {
        this.key = key;
    }

    @Override
    public AlgorithmIdentifier getAlgorithmIdentifier() {
        return ECDSA_WITH_SHA256;
    }

    @Override
    public OutputStream getOutputStream() {
        input = new ByteArrayOutputStream(TYPICAL_INPUT);
        return input;
    }

    @Override
    public byte[] getSignature() {
        try {
            return der(CryptoProvider.active().signEs256(key, input.toByteArray()));
        } catch (GeneralSecurityException e) {
            throw new RuntimeOperatorException("cannot sign with the department's key: " + e.getMessage(), e);
        }
    }

    /** ECDSA-Sig-Value (RFC 3279): the SEQUENCE of r and s that CMS carries, from COSE's fixed-length r||s. */
    static byte[] der(byte[] raw) {
        int half = raw.length / 2;
        ASN1EncodableVector values = new ASN1EncodableVector(2);
        values.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 0, half))));
        values.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, half, raw.length))));
        try {
            return new DERSequence(values).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("two integers always encode", e);
        }
    }
}
