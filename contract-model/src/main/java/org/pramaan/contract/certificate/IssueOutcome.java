package org.pramaan.contract.certificate;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.contract.id.DepartmentCode;

/**
 * The answer to {@code IssueCertificates}: which ids this transaction anchored and which were
 * already anchored identically (a retry). Both lists keep the batch's order.
 */
@JsonPropertyOrder({"department", "issued", "unchanged"})
public record IssueOutcome(DepartmentCode department, List<CertificateId> issued, List<CertificateId> unchanged) {

    public IssueOutcome {
        issued = List.copyOf(issued);
        unchanged = List.copyOf(unchanged);
    }
}
