package org.pramaan.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

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

    /** From the catalog's JSON; a flag left out is false. */
    @JsonCreator
    static FormField fromJson(@JsonProperty("key") String key, @JsonProperty("type") FieldType type,
            @JsonProperty("required") Boolean required, @JsonProperty("onCertificate") Boolean onCertificate,
            @JsonProperty("labels") Localized labels, @JsonProperty("example") String example,
            @JsonProperty("validation") FieldRules validation) {
        return new FormField(key, type, Boolean.TRUE.equals(required), Boolean.TRUE.equals(onCertificate), labels,
                example, validation);
    }
}
