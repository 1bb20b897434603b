package org.pramaan.bridge.citizen;

import java.util.Locale;
import java.util.Optional;

/** The three languages every bot text exists in. */
public enum Language {
    TE("te"), EN("en"), HI("hi");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (Language l : values()) {
            if (l.code.equalsIgnoreCase(code.trim())) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
