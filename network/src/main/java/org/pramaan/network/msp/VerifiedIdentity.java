package org.pramaan.network.msp;

import com.google.protobuf.ByteString;
import java.security.cert.X509Certificate;

/** A serialized identity that one of the channel's MSPs accepted, with the role its NodeOU gives. */
public record VerifiedIdentity(String mspId, X509Certificate certificate, NodeRole role, ByteString serialized) {

    /** Whether this identity signed SHA-256({@code message}) as {@code signature}, low-S. */
    public boolean signed(byte[] message, byte[] signature) {
        return org.pramaan.network.identity.Signatures.verify(certificate.getPublicKey(), message, signature);
    }
}
