package org.pramaan.contract.certificate;

import java.util.List;
import org.pramaan.contract.core.Checks;

/** The argument of {@code IssueCertificates}: {@code {"certificates":[{...}, ...]}}. */
public record IssueBatch(List<CertificateRequest> certificates) {

    public IssueBatch {
        Checks.present(certificates, "certificates");
        for (int i = 0; i < certificates.size(); i++) {
            Checks.present(certificates.get(i), "certificates[" + i + "]");
        }
        certificates = List.copyOf(certificates);
    }
}
