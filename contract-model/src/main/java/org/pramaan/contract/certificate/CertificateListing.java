package org.pramaan.contract.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer to {@code ListCertificates}: one department's certificate records in id order, and
 * the id to start the next page at (empty on the last page).
 */
@JsonPropertyOrder({"certificates", "bookmark"})
public record CertificateListing(List<CertificateRecord> certificates, String bookmark) {

    public CertificateListing {
        certificates = List.copyOf(certificates);
        bookmark = bookmark == null ? "" : bookmark;
    }
}
