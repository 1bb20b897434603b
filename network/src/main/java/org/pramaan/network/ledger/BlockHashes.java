package org.pramaan.network.ledger;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.hyperledger.fabric.protos.common.BlockData;
import org.hyperledger.fabric.protos.common.BlockHeader;

/**
 * Fabric's block hashes (protoutil/blockutils.go): the data hash is SHA-256 of the envelopes'
 * bytes one after another; the header hash is SHA-256 of the DER encoding of
 * {@code SEQUENCE{INTEGER number, OCTET STRING previous_hash, OCTET STRING data_hash}}.
 */
public final class BlockHashes {

    private BlockHashes() {
    }

    public static byte[] dataHash(BlockData data) {
        MessageDigest digest = sha256();
        data.getDataList().forEach(envelope -> digest.update(envelope.toByteArray()));
        return digest.digest();
    }

    public static byte[] headerHash(BlockHeader header) {
        try {
            byte[] der = new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(header.getNumber()),
                new DEROctetString(header.getPreviousHash().toByteArray()),
                new DEROctetString(header.getDataHash().toByteArray())
            }).getEncoded(ASN1Encoding.DER);
            return sha256().digest(der);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding in memory failed", e);
        }
    }

    public static byte[] sha256(byte[]... parts) {
        MessageDigest digest = sha256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
