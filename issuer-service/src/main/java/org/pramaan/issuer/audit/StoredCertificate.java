package org.pramaan.issuer.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import org.pramaan.contract.certificate.CertificateStatus;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.CertificateBody;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.credential.ClaimsCodec;
import org.pramaan.credential.Language;

/**
 * A certificate as the issuer stored it, with what the audit needs: the columns its claims are
 * rebuilt from, its stored hash and key id, its status, and whether a ledger write for it is still
 * queued (then the ledger may lag behind it without anything being wrong).
 */
record StoredCertificate(String id, String department, String type, String holderName, String language,
                         Map<String, String> fields, Instant issuedAt, Instant expiresAt, String claimsHash,
                         String kid, String status, String holdCode, String revocationCode,
                         boolean awaitingAnchor, boolean ledgerWritePending) {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * SHA-256 of the claims rebuilt from the stored columns with the credential's own deterministic
     * encoding: what the ledger holds if nothing here was changed since signing.
     *
     * @throws IllegalArgumentException when the stored columns no longer make a valid certificate
     */
    String recomputedClaimsHash() {
        CertificateClaims claims = new CertificateClaims(DepartmentCode.of(department), CertificateId.of(id), issuedAt,
                expiresAt, new CertificateBody(type, holderName, fields, Language.ofCode(language)));
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(ClaimsCodec.encode(claims)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The ledger status this record implies: revoked (or superseded), on hold, else active. */
    CertificateStatus expectedLedgerStatus() {
        if ("REVOKED".equals(status)) {
            return "SUPERSEDED".equals(revocationCode) ? CertificateStatus.SUPERSEDED : CertificateStatus.REVOKED;
        }
        return holdCode != null ? CertificateStatus.ON_HOLD : CertificateStatus.ACTIVE;
    }

    /** The status as the console shows it, for a mismatch's detail. */
    String describedStatus() {
        return holdCode != null && !"REVOKED".equals(status) ? status + " on hold" : status;
    }
}
