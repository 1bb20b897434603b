package org.pramaan.credential.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;

/** A department's document-signing key: private key, its certificate, and the department it signs for. */
public record SignerKey(DepartmentCode department, PrivateKey privateKey, X509Certificate certificate) {

    public SignerKey {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
        if (!(certificate.getPublicKey() instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("signer certificate " + certificate.getSubjectX500Principal()
                    + " does not hold an ECDSA P-256 key; ES256 needs one");
        }
        if (!KeyPairs.matches(privateKey, certificate.getPublicKey())) {
            throw new IllegalArgumentException("the private key does not belong to certificate "
                    + certificate.getSubjectX500Principal());
        }
    }

    public KeyId kid() {
        return KeyId.of(certificate);
    }
}
