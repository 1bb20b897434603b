package org.pramaan.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One field of a certificate form.
 *
 * @param key           2-3 lower-case letters; travels inside the QR credential
 * @param onCertificate whether the value is printed and signed (never for Aadhaar)
 * @param validation    the catalog's limits; {@link FieldRules#NONE} when it states none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FormField(String key, FieldType type, boolean required, boolean onCertificate, Localized labels,
                        String example, FieldRules validation) {

    public FormField {
        validation = validation == null ? FieldRules.NONE : validation;
    }
}
