package org.pramaan.credential;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;

/**
 * A department signer as the trust list knows it: the department, its certificate, and when (if
 * ever) its key was revoked. Credentials signed before the revocation time stay good; after it, the
 * key no longer speaks for the department.
 */
public record TrustedSigner(DepartmentCode department, X509Certificate certificate, Optional<Instant> revokedFrom) {

    public TrustedSigner {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(revokedFrom, "revokedFrom");
    }

    public TrustedSigner(DepartmentCode department, X509Certificate certificate) {
        this(department, certificate, Optional.empty());
    }

    public KeyId kid() {
        return KeyId.of(certificate);
    }
}
