package org.pramaan.credential.offline;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.contract.id.KeyId;
import org.pramaan.credential.TrustedSigner;

/**
 * A department signer key as the offline bundle lists it: the department, the credential key id, the
 * signer certificate, the period the ledger lets it sign in, and from when it is revoked, if it is.
 */
public record BundleSigner(DepartmentCode department, KeyId kid, X509Certificate certificate, Instant from,
                           Instant until, Optional<Instant> revokedAt) {

    public BundleSigner {
        Objects.requireNonNull(department, "department");
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    /** The trust list's view: certificate and revocation time, as the server's verifier uses them. */
    public TrustedSigner toTrusted() {
        return new TrustedSigner(department, certificate, revokedAt);
    }
}
