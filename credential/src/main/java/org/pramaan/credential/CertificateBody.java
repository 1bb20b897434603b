package org.pramaan.credential;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a certificate says: its type, the holder's name exactly as written on it, the service's
 * fields in form order, and the language it was issued in. This is the private claim of the CWT.
 */
public record CertificateBody(String type, String holderName, Map<String, String> fields, Language language) {

    public static final int MAX_FIELDS = 64;
    public static final int MAX_TEXT_LENGTH = 512;

    public CertificateBody {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(holderName, "holderName");
        Objects.requireNonNull(fields, "fields");
        Objects.requireNonNull(language, "language");
        if (holderName.isBlank()) {
            throw new IllegalArgumentException("holder name is blank");
        }
        requireLength("holder name", holderName);
        if (fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("a certificate holds at most " + MAX_FIELDS + " fields, got " + fields.size());
        }
        Map<String, String> copy = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            Objects.requireNonNull(name, "field name");
            Objects.requireNonNull(value, () -> "value of field " + name);
            if (name.isBlank()) {
                throw new IllegalArgumentException("field name is blank");
            }
            requireLength("field " + name, value);
            copy.put(name, value);
        });
        fields = Collections.unmodifiableMap(copy);
    }

    private static void requireLength(String what, String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException(what + " is longer than " + MAX_TEXT_LENGTH + " characters");
        }
    }
}
