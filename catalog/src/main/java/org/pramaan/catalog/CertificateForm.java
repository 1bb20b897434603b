package org.pramaan.catalog;

import java.util.List;
import java.util.Optional;

/**
 * How a certificate service issues: its type (in certificate ids), approval, service level, validity,
 * printed title, supporting documents and form. The first field is always {@code nm}, the holder's name.
 *
 * @param validityDays      days the certificate is valid, or null when it never expires
 * @param digiLockerDocType the DigiLocker document type its certificates are pulled as (e.g. {@code INCER} for an
 *                          income certificate), as registered in DigiLocker's partner portal; null: not offered to
 *                          DigiLocker
 */
public record CertificateForm(String type, Approval approval, int serviceLevelDays, Integer validityDays,
                              String template, Localized titles, List<SupportingDocument> documents,
                              List<FormField> fields, String digiLockerDocType) {

    public static final String HOLDER_NAME = "nm";

    public CertificateForm {
        documents = List.copyOf(documents);
        fields = List.copyOf(fields);
    }

    /** A form not offered to DigiLocker (catalogs written before DigiLocker document types). */
    public CertificateForm(String type, Approval approval, int serviceLevelDays, Integer validityDays,
                           String template, Localized titles, List<SupportingDocument> documents,
                           List<FormField> fields) {
        this(type, approval, serviceLevelDays, validityDays, template, titles, documents, fields, null);
    }

    public Optional<String> digiLocker() {
        return Optional.ofNullable(digiLockerDocType);
    }

    /** The documents the chat asks for and the application carries, in catalog order. */
    public List<SupportingDocument> askedDocuments() {
        return documents.stream().filter(SupportingDocument::asked).toList();
    }

    public Optional<SupportingDocument> document(String key) {
        return documents.stream().filter(d -> d.asked() && d.key().equals(key)).findFirst();
    }

    public Optional<FormField> field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    /** Who decides: an officer, or the service itself as soon as the form is valid. */
    public enum Approval {
        OFFICER, AUTOMATIC
    }
}
