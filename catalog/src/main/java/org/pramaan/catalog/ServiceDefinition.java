package org.pramaan.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pramaan.contract.id.DepartmentCode;

/**
 * One service of the catalog. Certificate services carry a {@link CertificateForm}; information
 * services their localized text and official link.
 */
public record ServiceDefinition(String code, DepartmentCode department, ServiceKind kind, Localized names,
                                Localized descriptions, Map<String, List<String>> keywords,
                                Information information, CertificateForm certificate) {

    public ServiceDefinition {
        keywords = Map.copyOf(keywords);
    }

    public Optional<CertificateForm> certificateForm() {
        return Optional.ofNullable(certificate);
    }

    /** What an information service answers. */
    public record Information(Localized text, String link) {
    }
}
