package org.pramaan.network.identity;

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
 * A signing identity of one organisation: its X.509 certificate and private key. Peers endorse
 * with theirs; tests sign proposals and envelopes with a client's.
 */
public record Member(String mspId, X509Certificate certificate, PrivateKey privateKey) {

    public Member {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }

    /** Reads {@code cert.pem} and {@code key.pem} from {@code folder}. */
    public static Member load(String mspId, Path folder) throws IOException {
        return new Member(mspId, KeyFiles.readCertificate(folder.resolve("cert.pem")),
                KeyFiles.readPrivateKey(folder.resolve("key.pem")));
    }

    /** Writes {@code cert.pem} and {@code key.pem} (mode 600) into {@code folder}. */
    public void save(Path folder) throws IOException {
        KeyFiles.writePrivateKey(privateKey, folder.resolve("key.pem"));
        KeyFiles.writeCertificate(certificate, folder.resolve("cert.pem"));
    }

    /** Fabric's {@code SerializedIdentity{mspid, id_bytes=PEM}}, the creator and endorser field. */
    public ByteString serialized() {
        return SerializedIdentity.newBuilder().setMspid(mspId)
                .setIdBytes(ByteString.copyFrom(KeyFiles.toPem(certificate), StandardCharsets.US_ASCII))
                .build().toByteString();
    }

    public byte[] sign(byte[] message) {
        return Signatures.sign(privateKey, message);
    }

    @Override
    public String toString() {
        return "Member[" + mspId + ", " + certificate.getSubjectX500Principal().getName() + "]";
    }
}
