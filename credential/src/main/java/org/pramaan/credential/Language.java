package org.pramaan.credential;

import java.util.Locale;

/** The languages a certificate can be written in, besides English on every certificate. */
public enum Language {
    TE("Telugu"),
    EN("English"),
    HI("Hindi");

    private final String englishName;

    Language(String englishName) {
        this.englishName = englishName;
    }

    /** The ISO 639-1 code, lower case, as it travels in the credential. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String englishName() {
        return englishName;
    }

    public static Language ofCode(String code) {
        for (Language l : values()) {
            if (l.code().equalsIgnoreCase(code)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unsupported language '" + code + "' (expected te, en or hi)");
    }
}
