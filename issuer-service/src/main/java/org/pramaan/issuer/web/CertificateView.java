package org.pramaan.issuer.web;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.pramaan.issuer.certificate.Certificate;

/** A certificate as the API shows it, with its ledger evidence once anchored. */
public record CertificateView(String id, UUID applicationId, String department, String service, String type,
                              String holderName, String language, Map<String, String> fields, Instant issuedAt,
                              Instant expiresAt, String status, String claimsHash, String kid, String qrText,
                              Ledger ledger, Revocation revocation, String holdCode) {

    /** Where the ledger recorded the certificate. */
    public record Ledger(String transactionId, Long blockNumber, Instant anchoredAt) {
    }

    public record Revocation(Instant revokedAt, String code, String reason) {
    }

    public static CertificateView of(Certificate c) {
        return of(c, null);
    }

    /** {@code holdCode}: the hold the department put on it, null when there is none. */
    public static CertificateView of(Certificate c, String holdCode) {
        return new CertificateView(c.id().value(), c.applicationId(), c.department().value(), c.serviceCode(), c.type(),
                c.holderName(), c.language().code(), c.fields(), c.issuedAt(), c.expiresAt(), c.status().name(),
                c.claimsHash(), c.kid(), c.qrText(),
                c.anchored() ? new Ledger(c.transactionId(), c.blockNumber(), c.anchoredAt()) : null,
                c.revokedAt() == null ? null : new Revocation(c.revokedAt(), c.revocationCode(), c.revocationReason()),
                holdCode);
    }
}
