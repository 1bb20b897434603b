package org.pramaan.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Locale;

/**
 * A text in the three languages of the citizen service. The issuer's catalog loader refuses a missing or
 * wrongly scripted one; a reader of the catalog's JSON falls back to English, so a gap never shows a blank.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Localized(String en, String te, String hi) {

    /** The text for a language code ({@code te}, {@code en}, {@code hi}); English when that one is missing. */
    public String in(String languageCode) {
        String value = switch (languageCode.toLowerCase(Locale.ROOT)) {
            case "te" -> te;
            case "hi" -> hi;
            default -> en;
        };
        return value == null || value.isBlank() ? (en == null ? "" : en) : value;
    }

    /**
     * The text for a service's own language enum: both the issuer's and the bridge's have the constants TE, EN
     * and HI, and this model depends on neither.
     */
    public String in(Enum<?> language) {
        return in(language.name());
    }
}
