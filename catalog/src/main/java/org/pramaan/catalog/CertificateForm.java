package org.pramaan.catalog;

import java.util.List;
import java.util.Optional;

/**
 * How a certificate service issues: its type (in certificate ids), approval, service level, validity,
 * printed title, documents and form. The first field is always {@code nm}, the holder's name.
 *
 * @param validityDays days the certificate is valid, or null when it never expires
 */
public record CertificateForm(String type, Approval approval, int serviceLevelDays, Integer validityDays,
                              String template, Localized titles, List<Localized> documents, List<FormField> fields) {

    public static final String HOLDER_NAME = "nm";

    public CertificateForm {
        documents = List.copyOf(documents);
        fields = List.copyOf(fields);
    }

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Who decides: an officer, or the service itself as soon as the form is valid. */
    public enum Approval {
        OFFICER, AUTOMATIC
    }
}
