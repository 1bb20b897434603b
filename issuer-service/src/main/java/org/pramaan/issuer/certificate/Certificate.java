package org.pramaan.issuer.certificate;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;

/**
 * An issued certificate as stored: what it certifies, its credential and PDF, and its ledger
 * evidence once anchored. The PDF and COSE bytes are loaded separately (see {@link Certificates}).
 */
public record Certificate(String id, UUID applicationId, DepartmentCode department, String serviceCode, String type,
                          String holderName, Language language, String phoneNumber, Map<String, String> fields,
                          Instant issuedAt, Instant expiresAt, String claimsHash, String kid, String qrText,
                          CertificateStatus status, String transactionId, Long blockNumber, Instant anchoredAt,
                          Instant revokedAt, String revocationCode, String revocationReason) {

    public Certificate {
        fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
    }

    public boolean anchored() {
        return transactionId != null;
    }
}
