package org.pramaan.bridge.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.pramaan.bridge.citizen.Language;

/** A catalog text in the three languages; falls back to English when one is missing. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Localized(String en, String te, String hi) {

    public String in(Language language) {
        String value = switch (language) {
            case TE -> te;
            case HI -> hi;
            case EN -> en;
        };
        return value == null || value.isBlank() ? (en == null ? "" : en) : value;
    }
}
