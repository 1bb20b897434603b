package org.pramaan.bridge.search;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.codec.language.DoubleMetaphone;

/**
 * What a citizen typed, in the forms search compares: cleaned (NFC, no zero-width joiners or non-joiners, lower case,
 * no punctuation), in one Latin form whatever the script (ICU's Any-Latin, then Latin-ASCII: "ఇన్‌కమ్ సర్టిఫికెట్"
 * and "इनकम सर्टिफिकेट" both read "in(a)kam sartiphiket(a)"), and as sound codes (Double Metaphone: "inkam",
 * "inakama" and "income" are all ANKM), so English written in Telugu or Devanagari letters, romanised Telugu and
 * Hindi, and misspellings meet the catalog's own words.
 */
public final class SearchText {

    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\p{Punct}\\u0964\\u0965\\u2013\\u2014\\u2019]+");
    /* ICU's transliterators cost tens of microseconds a word, Any-Latin; Latin-ASCII several times that, so each
       script's own runs only on text that has letters of it, and Java's decomposition strips the accents after. */
    private static final Transliterator TELUGU = Transliterator.getInstance("Telugu-Latin");
    private static final Transliterator DEVANAGARI = Transliterator.getInstance("Devanagari-Latin");
    private static final Transliterator OTHER = Transliterator.getInstance("Any-Latin");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    /* The words people type repeat (Zipf): each is transliterated once; past the bound, new ones are not kept. */
    private static final int LATIN_WORDS_MAX = 50_000;
    private static final java.util.Map<String, String> LATIN_WORDS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int SOUND_CODE_MAX = 8;

    private SearchText() {
    }

    /** NFC, without invisible joiners, lower case, punctuation and runs of spaces as one space. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String t = INVISIBLE.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("");
        return SEPARATORS.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** The cleaned text in plain ASCII Latin letters, whatever script it was typed in. */
    public static String latin(String text) {
        String cleaned = clean(text);
        if (cleaned.chars().allMatch(c -> c < 0x80)) {
            return SEPARATORS.matcher(cleaned.replaceAll("[^a-z0-9]+", " ")).replaceAll(" ").strip();
        }
        StringBuilder words = new StringBuilder();
        for (String word : cleaned.split(" ")) {
            String known = LATIN_WORDS.get(word);
            if (known == null) {
                known = latinWord(word);
                if (LATIN_WORDS.size() < LATIN_WORDS_MAX) {
                    LATIN_WORDS.put(word, known);
                }
            }
            words.append(known).append(' ');
        }
        return SEPARATORS.matcher(words.toString()).replaceAll(" ").strip();
    }

    /** One word (no spaces), in the latin form; words repeat, so each is transliterated once (bounded cache). */
    private static String latinWord(String word) {
        String latin = word;
        if (!latin.chars().allMatch(c -> c < 0x80)) {
            latin = transliterate(latin, TELUGU, 0x0C00, 0x0C7F);
            latin = transliterate(latin, DEVANAGARI, 0x0900, 0x097F);
            if (latin.chars().anyMatch(c -> c >= 0x80 && Character.isLetter(c))) {
                latin = transliterate(latin, OTHER, 0, Integer.MAX_VALUE);
            }
            latin = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("")
                    .toLowerCase(Locale.ROOT);
        }
        return SEPARATORS.matcher(latin.replaceAll("[^a-z0-9]+", " ")).replaceAll(" ").strip();
    }

    private static String transliterate(String text, Transliterator script, int from, int to) {
        if (text.chars().noneMatch(c -> c >= from && c <= to && c >= 0x80)) {
            return text;
        }
        synchronized (script) { // an ICU Transliterator is not documented as safe for concurrent use
            return script.transliterate(text);
        }
    }

    /** The words of the Latin form. */
    public static List<String> latinWords(String text) {
        String latin = latin(text);
        return latin.isEmpty() ? List.of() : List.of(latin.split(" "));
    }

    /** The Double Metaphone code of each Latin word that has one (digits and one-letter words have none). */
    public static List<String> soundCodes(String text) {
        DoubleMetaphone metaphone = new DoubleMetaphone();
        metaphone.setMaxCodeLen(SOUND_CODE_MAX);
        List<String> codes = new ArrayList<>();
        for (String word : latinWords(text)) {
            if (word.length() >= 2 && Character.isLetter(word.charAt(0))) {
                String code = metaphone.doubleMetaphone(word);
                if (code != null && !code.isEmpty()) {
                    codes.add(code);
                }
            }
        }
        return codes;
    }
}
