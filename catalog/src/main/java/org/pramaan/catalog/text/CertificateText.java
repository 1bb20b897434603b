package org.pramaan.catalog.text;

import java.lang.Character.UnicodeScript;
import java.util.Set;

/**
 * What text printed and signed on a certificate (names, addresses) may hold: letters of the forms' scripts (Latin,
 * Telugu, Devanagari), their combining marks, digits (ASCII, Telugu, Devanagari), the zero-width joiner and
 * non-joiner Indic spelling needs, and the punctuation names and addresses use: space . , - ' / ( ) # &amp; :.
 *
 * <p>Anything else is refused rather than escaped: a certificate is evidence, and markup ({@code <script>}) or a
 * bidirectional override (U+202E makes "Penamaluru" display as something else) must never be signed. Bidi
 * overrides, embeddings, isolates and marks are named separately, so the refusal can say why.
 */
public final class CertificateText {

    /** Why a value may not go onto a certificate. */
    public enum Problem {
        CONTROL_CHARACTERS, BIDI_CONTROLS, NOT_ALLOWED
    }

    private static final String PUNCTUATION = " .,-'/()#&:";
    private static final Set<UnicodeScript> SCRIPTS = Set.of(UnicodeScript.LATIN, UnicodeScript.TELUGU,
            UnicodeScript.DEVANAGARI);
    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private CertificateText() {
    }

    /** The first problem of {@code text}, or null when every character may be printed and signed. */
    public static Problem problem(String text) {
        Problem found = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (isBidiControl(cp)) {
                return Problem.BIDI_CONTROLS; // the worst: never accepted, whatever else is there
            }
            if (found == null && Character.isISOControl(cp)) {
                found = Problem.CONTROL_CHARACTERS;
            } else if (found == null && !allowed(cp)) {
                found = Problem.NOT_ALLOWED;
            }
        }
        return found;
    }

    /** Left-to-right/right-to-left marks, embeddings, overrides, isolates and the Arabic letter mark. */
    public static boolean isBidiControl(int cp) {
        return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069);
    }

    private static boolean allowed(int cp) {
        if (PUNCTUATION.indexOf(cp) >= 0 || cp == ZWNJ || cp == ZWJ) {
            return true;
        }
        UnicodeScript script = UnicodeScript.of(cp);
        if (Character.isLetter(cp)) {
            return SCRIPTS.contains(script);
        }
        if (Character.isDigit(cp)) {
            return (cp >= '0' && cp <= '9') || script == UnicodeScript.TELUGU || script == UnicodeScript.DEVANAGARI;
        }
        int type = Character.getType(cp);
        boolean mark = type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
        return mark && (SCRIPTS.contains(script) || script == UnicodeScript.INHERITED);
    }
}
