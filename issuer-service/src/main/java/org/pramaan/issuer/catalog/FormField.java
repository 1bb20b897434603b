package org.pramaan.issuer.catalog;

/**
 * One field of a certificate form.
 *
 * @param key           2-3 lower-case letters; travels inside the QR credential
 * @param onCertificate whether the value is printed and signed (never for Aadhaar)
 */
public record FormField(String key, FieldType type, boolean required, boolean onCertificate, Localized labels,
                        String example, FieldValidation validation) {
}
