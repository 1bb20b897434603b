package org.pramaan.ledger.identity;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.pramaan.credential.keys.KeyFiles;

/**
 * Who speaks to the ledger: an organisation's MSP id and an X.509 client certificate whose Fabric
 * CA attributes ({@code role}, {@code dept}) the contract reads, with its private key.
 */
public record LedgerIdentity(String mspId, X509Certificate certificate, PrivateKey privateKey) {

    public LedgerIdentity {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
        if (mspId.isBlank()) {
            throw new IllegalArgumentException("mspId is blank");
        }
    }

    public static LedgerIdentity load(String mspId, Path certificatePem, Path privateKeyPem) throws IOException {
        return new LedgerIdentity(mspId, KeyFiles.readCertificate(certificatePem), KeyFiles.readPrivateKey(privateKeyPem));
    }

    /** The creator bytes Fabric puts in every proposal: a SerializedIdentity with the PEM certificate. */
    public byte[] serialized() {
        return SerializedIdentity.newBuilder()
                .setMspid(mspId)
                .setIdBytes(ByteString.copyFrom(KeyFiles.toPem(certificate), StandardCharsets.US_ASCII))
                .build()
                .toByteArray();
    }

    /** Subject and MSP, for logs; never the key. */
    @Override
    public String toString() {
        return mspId + ":" + certificate.getSubjectX500Principal().getName();
    }
}
