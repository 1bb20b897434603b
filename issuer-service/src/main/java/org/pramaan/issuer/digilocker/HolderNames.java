package org.pramaan.issuer.digilocker;

import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether the name DigiLocker sends (as on Aadhaar, in English) is the certificate holder's, as printed (in English,
 * Telugu or Hindi). Both are brought to plain lower-case Latin (ICU's Any-Latin and Latin-ASCII transliterators, so
 * Telugu and Devanagari become their ISO 15919 romanisation without marks), then each word to a rough sound
 * skeleton: doubled letters, long vowels spelled {@code aa}/{@code ee}/{@code oo}, aspirates ({@code th}, {@code dh},
 * {@code bh}, ...), {@code sh}/{@code s}, {@code v}/{@code w}, an anusvara before a consonant and the inherent final
 * {@code a} that English spellings drop all count as the same.
 *
 * <p>Then the words must pair up, in any order (surname first or last): each word of one name with an equal word of
 * the other, and an initial ({@code K.}) with a word that starts with that letter; at least one whole word must
 * match, and no word may be left over on either side. The words run together also match ({@code Venkataramana},
 * {@code Venkata Ramana}). Nothing looser: the certificate number is unguessable, and this is the second factor.
 */
public final class HolderNames {

    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII; Lower");

    private HolderNames() {
    }

    /** Whether {@code presented} names the holder {@code printed}; false when either is blank. */
    public static boolean match(String printed, String presented) {
        List<String> rawA = latinWords(printed);
        List<String> rawB = latinWords(presented);
        if (rawA.isEmpty() || rawB.isEmpty()) {
            return false;
        }
        if (skeleton(String.join("", rawA)).equals(skeleton(String.join("", rawB)))
                && rawA.stream().anyMatch(w -> w.length() > 1) && rawB.stream().anyMatch(w -> w.length() > 1)) {
            return true;
        }
        return pair(rawA.stream().map(HolderNames::skeleton).toList(), rawB.stream().map(HolderNames::skeleton).toList());
    }

    /** The skeletons of a name's words, in order. */
    static List<String> words(String name) {
        return latinWords(name).stream().map(HolderNames::skeleton).toList();
    }

    /** A name's words in plain lower-case Latin, in order. */
    private static List<String> latinWords(String name) {
        if (name == null || name.isBlank() || name.length() > 300) {
            return List.of();
        }
        String latin;
        synchronized (TO_ASCII) {
            latin = TO_ASCII.transliterate(name);
        }
        List<String> words = new ArrayList<>();
        for (String word : latin.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    static String skeleton(String word) {
        String w = word
                .replaceAll("([kgcjtdpb])h", "$1")   // aspirates: th, dh, bh, kh, gh, ch, ph, jh
                .replace("sh", "s")
                .replace("ph", "f")
                .replace("x", "ks")
                .replace('v', 'w')
                .replace('z', 'j')
                .replace("ee", "i").replace("oo", "u").replace("ou", "u")
                .replaceAll("m(?=[kgcjtdn])", "n")   // anusvara written m before a consonant
                .replace('y', 'i');
        w = w.replaceAll("(.)\\1+", "$1");          // doubled letters, long vowels aa, ii, uu
        if (word.length() == 1) {
            return w;                                // an initial, spelled as the words it stands for are
        }
        if (w.length() > 2 && w.endsWith("a")) {
            w = w.substring(0, w.length() - 1);      // the inherent vowel English spellings drop (Rama, Ram)
        }
        return w;
    }

    private static boolean pair(List<String> a, List<String> b) {
        List<String> left = new ArrayList<>(a);
        List<String> right = new ArrayList<>(b);
        boolean whole = false;
        // Whole words first, so an initial cannot take the word another whole word needs.
        for (int i = left.size() - 1; i >= 0; i--) {
            String word = left.get(i);
            if (word.length() > 1 && right.remove(word)) {
                left.remove(i);
                whole = true;
            }
        }
        if (!whole) {
            return false;
        }
        return initials(left, right) && initials(right, left) && left.isEmpty() && right.isEmpty();
    }

    /** Pairs each initial of {@code initials} with a word of {@code words} starting with it; false when one has none. */
    private static boolean initials(List<String> initials, List<String> words) {
        for (String initial : new ArrayList<>(initials)) {
            if (initial.length() != 1) {
                continue;
            }
            String partner = words.stream().filter(w -> w.charAt(0) == initial.charAt(0))
                    .sorted((x, y) -> Integer.compare(y.length(), x.length())).findFirst().orElse(null);
            if (partner == null) {
                return false;
            }
            words.remove(partner);
            initials.remove(initial);
        }
        return true;
    }

}
