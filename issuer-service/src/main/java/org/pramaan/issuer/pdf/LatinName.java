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
 * <p>Thread-safe: each thread has its own transliterators (ICU does not promise that one instance may be
 * used by several threads at once), made once per thread: making them parses rules.
 */
public final class LatinName {

    private static final ThreadLocal<Transliterators> TRANSLITERATORS = ThreadLocal.withInitial(Transliterators::new);
    /** A word-final Devanagari consonant with no vowel sign, not the end of a conjunct and not य. */
    private static final Pattern HINDI_FINAL_SCHWA = Pattern.compile(
            "(?<![\\u094D])([\\u0915-\\u092E\\u0930-\\u0939\\u0958-\\u095F])(?=[\\s,.\\-]|$)");
    private static final Pattern TELUGU_LETTERS = Pattern.compile("[\\u0C00-\\u0C7F]");
    private static final Pattern DEVANAGARI_LETTERS = Pattern.compile("[\\u0900-\\u097F]");

    private LatinName() {
    }

    private static final class Transliterators {
        final Transliterator telugu = Transliterator.getInstance("Telugu-Latin");
        final Transliterator devanagari = Transliterator.getInstance("Devanagari-Latin");
        final Transliterator asWritten = Transliterator.createFromRules("pramaan-names",
                "ṁ } [kgcjṭḍtdnṇñ] > n ; ṁ > m ; ṣ > sh ; ś > sh ; c > ch ; \\' > ;", Transliterator.FORWARD);
        final Transliterator plain = Transliterator.getInstance("Latin-ASCII; Title");
    }

    /**
     * The name in English letters, or empty when it has no Telugu or Devanagari letters (nothing to add).
     * The language decides only Hindi's dropped vowels; the script is read from the name itself.
     */
    public static Optional<String> of(String name, Language language) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Transliterators with = TRANSLITERATORS.get();
        String latin;
        if (TELUGU_LETTERS.matcher(name).find()) {
            latin = with.telugu.transliterate(name);
        } else if (DEVANAGARI_LETTERS.matcher(name).find()) {
            String spoken = language == Language.HI ? HINDI_FINAL_SCHWA.matcher(name).replaceAll("$1\u094D") : name;
            latin = with.devanagari.transliterate(spoken);
        } else {
            return Optional.empty();
        }
        String plain = with.plain.transliterate(with.asWritten.transliterate(latin)).replaceAll("\\s+", " ").strip();
        return plain.isEmpty() ? Optional.empty() : Optional.of(plain);
    }
}
