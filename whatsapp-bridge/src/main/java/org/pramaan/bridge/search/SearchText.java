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
    private static final Transliterator TO_LATIN = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");
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
        String latin;
        synchronized (TO_LATIN) { // an ICU Transliterator is not documented as safe for concurrent use
            latin = TO_LATIN.transliterate(cleaned);
        }
        return SEPARATORS.matcher(latin.replaceAll("[^a-z0-9]+", " ")).replaceAll(" ").strip();
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
