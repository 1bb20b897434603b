package org.pramaan.issuer.web;

import java.time.Instant;
import org.pramaan.issuer.certificate.Certificate;

/** One line of a citizen's certificate list for the bridge: which, since and until when, whether anchored. */
public record CertificateSummary(String id, String serviceCode, String status, Instant issuedAt, Instant validUntil,
                                 boolean anchored) {

    public static CertificateSummary of(Certificate c) {
        return new CertificateSummary(c.id(), c.serviceCode(), c.status().name(), c.issuedAt(), c.expiresAt(),
                c.anchored());
    }
}
