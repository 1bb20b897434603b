package org.pramaan.network.identity;

import com.google.protobuf.ByteString;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Fabric's transaction id: hex(SHA-256(nonce ‖ creator)) (protoutil/proputils.go ComputeTxID). */
public final class TxIds {

    private TxIds() {
    }

    public static String compute(ByteString nonce, ByteString creator) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(nonce.asReadOnlyByteBuffer());
            digest.update(creator.asReadOnlyByteBuffer());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
