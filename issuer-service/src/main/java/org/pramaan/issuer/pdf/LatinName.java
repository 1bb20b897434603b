package org.pramaan.issuer.pdf;

import com.ibm.icu.text.Transliterator;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pramaan.credential.Language;

/**
 * A person's name in Telugu or Devanagari letters written in plain English letters, for a reader who
 * cannot read the script (a bank in another state): {@code కొండపల్లి రమేష్} is {@code Kondapalli Ramesh},
 * {@code रमेश कुमार} is {@code Ramesh Kumar}.
 *
 * <p>ICU4J's {@code Telugu-Latin} and {@code Devanagari-Latin} transliterators give the ISO 15919
 * romanisation ({@code koṇḍapalli ramēṣ}); a few rules then write it as names are written in India
 * ({@code ṣ, ś} as {@code sh}, {@code c} as {@code ch}, the anusvara as {@code n} or {@code m}), the
 * diacritics are dropped and each word capitalised. Hindi drops a word's last inherent vowel, as it is
 * spoken ({@code रमेश} is Ramesh, not Ramesha), except after a conjunct or a final {@code य}.
 *
 * <p>Thread-safe: ICU's transliterators may be shared.
 */
public final class LatinName {

    private static final Transliterator TELUGU = Transliterator.getInstance("Telugu-Latin");
    private static final Transliterator DEVANAGARI = Transliterator.getInstance("Devanagari-Latin");
    private static final Transliterator AS_WRITTEN = Transliterator.createFromRules("pramaan-names",
            "ṁ } [kgcjṭḍtdnṇñ] > n ; ṁ > m ; ṣ > sh ; ś > sh ; c > ch ; \\' > ;", Transliterator.FORWARD);
    private static final Transliterator PLAIN = Transliterator.getInstance("Latin-ASCII; Title");
    /** A word-final Devanagari consonant with no vowel sign, not the end of a conjunct and not य. */
    private static final Pattern HINDI_FINAL_SCHWA = Pattern.compile(
            "(?<![\\u094D])([\\u0915-\\u092E\\u0930-\\u0939\\u0958-\\u095F])(?=[\\s,.\\-]|$)");
    private static final Pattern TELUGU_LETTERS = Pattern.compile("[\\u0C00-\\u0C7F]");
    private static final Pattern DEVANAGARI_LETTERS = Pattern.compile("[\\u0900-\\u097F]");

    private LatinName() {
    }

    /**
     * The name in English letters, or empty when it has no Telugu or Devanagari letters (nothing to add).
     * The language decides only Hindi's dropped vowels; the script is read from the name itself.
     */
    public static Optional<String> of(String name, Language language) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String latin;
        if (TELUGU_LETTERS.matcher(name).find()) {
            latin = TELUGU.transliterate(name);
        } else if (DEVANAGARI_LETTERS.matcher(name).find()) {
            String spoken = language == Language.HI ? HINDI_FINAL_SCHWA.matcher(name).replaceAll("$1\u094D") : name;
            latin = DEVANAGARI.transliterate(spoken);
        } else {
            return Optional.empty();
        }
        String plain = PLAIN.transliterate(AS_WRITTEN.transliterate(latin)).replaceAll("\\s+", " ").strip();
        return plain.isEmpty() ? Optional.empty() : Optional.of(plain);
    }
}
