package org.pramaan.verifier.web;

import java.util.List;
import java.util.Locale;
import org.pramaan.credential.Language;

/**
 * The reader's language: an explicit choice ({@code ?lang=}) first, then the browser's or client's
 * {@code Accept-Language}, then English.
 */
public final class Languages {

    private static final List<Locale> SUPPORTED = List.of(Locale.forLanguageTag("te"), Locale.ENGLISH,
            Locale.forLanguageTag("hi"));

    private Languages() {
    }

    public static Language resolve(String choice, String acceptLanguage) {
        if (choice != null) {
            for (Language language : Language.values()) {
                if (language.code().equalsIgnoreCase(choice.strip())) {
                    return language;
                }
            }
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
                if (match != null) {
                    return Language.ofCode(match.getLanguage());
                }
            } catch (IllegalArgumentException e) {
                // A garbled header is no reason to refuse a verification: fall back to English.
            }
        }
        return Language.EN;
    }

    public static Locale locale(Language language) {
        return Locale.forLanguageTag(language.code());
    }
}
