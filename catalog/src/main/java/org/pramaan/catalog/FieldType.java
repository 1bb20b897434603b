package org.pramaan.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The kinds of form field the catalog may declare; each has its own validation. Written lower case in JSON. */
public enum FieldType {
    TEXT, NAME, NUMBER, MONEY, DATE, YEAR, PIN, AADHAAR, PHONE, ENUM, VILLAGE, DISTRICT;

    /** The type named in the catalog's JSON ({@code name}, {@code aadhaar}), in any case. */
    @JsonCreator
    public static FieldType of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown field type '" + name + "'", e);
        }
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
