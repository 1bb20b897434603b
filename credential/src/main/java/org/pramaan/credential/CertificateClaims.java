package org.pramaan.credential;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;

/**
 * The claims of a certificate credential, as carried in a CBOR Web Token (RFC 8392): issuer
 * ({@code iss}), issue and expiry times ({@code iat}, {@code exp}, whole seconds), certificate id
 * ({@code cti}) and the {@link CertificateBody}.
 */
public record CertificateClaims(
        DepartmentCode issuer, CertificateId certificateId, Instant issuedAt, Instant expiresAt, CertificateBody body) {

    public CertificateClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(body, "body");
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (!certificateId.department().equals(issuer)) {
            throw new IllegalArgumentException(
                    "certificate " + certificateId + " belongs to " + certificateId.department() + ", not to issuer " + issuer);
        }
        if (!certificateId.type().equals(body.type())) {
            throw new IllegalArgumentException(
                    "certificate " + certificateId + " is of type " + certificateId.type() + ", body says " + body.type());
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiry " + expiresAt + " is not after issue " + issuedAt);
        }
    }
}
