package org.pramaan.issuer.web;

import java.time.Instant;
import org.pramaan.issuer.certificate.Certificate;
import org.pramaan.issuer.certificate.Certificates.Standing;

/**
 * One line of a citizen's certificate list for the bridge: which, since and until when, whether anchored, and
 * what the ledger was told since (codes only, never the officer's note), so the chat never shows a revoked,
 * held or replaced certificate as good.
 */
public record CertificateSummary(String id, String serviceCode, String status, Instant issuedAt, Instant validUntil,
                                 boolean anchored, String revocationCode, String holdCode, String replacedBy) {

    public static CertificateSummary of(Certificate c, Standing standing) {
        return new CertificateSummary(c.id().value(), c.serviceCode(), c.status().name(), c.issuedAt(), c.expiresAt(),
                c.anchored(), c.revocationCode(), standing == null ? null : standing.holdCode(),
                standing == null ? null : standing.replacedBy());
    }
}
