package org.pramaan.issuer.pdf;

import java.lang.Character.UnicodeScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits text into runs by script, picks the Noto font for each run and shapes it.
 *
 * <p>Telugu and Devanagari letters go to their script's font; Latin letters to Noto Sans. Spaces,
 * digits, punctuation and combining marks stay in the font of the run they are in when that font
 * has them, so a syllable is never cut in two and "12-3-45, గాంధీ నగర్" shapes as few runs as possible.
 *
 * <p>Text that is the same on every certificate of a department and service (its name, the title, the
 * labels, the fixed lines at the foot) is shaped once and kept ({@link #shapeFixed}): shaping runs HarfBuzz
 * and was most of the layout's cost. The holder's name and the values are shaped for each certificate.
 */
final class TextShaper {

    /** Far more than the catalog's fixed texts (names, titles and labels in three languages); a bound, not a size. */
    static final int MAX_FIXED = 4096;

    private final FontFace latin;
    private final FontFace latinBold;
    private final FontFace telugu;
    private final FontFace teluguBold;
    private final FontFace devanagari;
    private final FontFace devanagariBold;

    TextShaper(CertificateFonts fonts) {
        fonts.requireReadable();
        this.latin = FontFace.load("latin", fonts.latin());
        this.latinBold = FontFace.load("latinBold", fonts.latinBold());
        this.telugu = FontFace.load("telugu", fonts.telugu());
        this.teluguBold = FontFace.load("teluguBold", fonts.teluguBold());
        this.devanagari = FontFace.load("devanagari", fonts.devanagari());
        this.devanagariBold = FontFace.load("devanagariBold", fonts.devanagariBold());
    }

    private final Map<Fixed, ShapedLine> fixed = new ConcurrentHashMap<>();

    /**
     * As {@link #shape}, for text that recurs on every certificate of a kind (never a citizen's data): shaped
     * once and kept. Shaped lines are immutable, so they are shared between documents and threads.
     */
    ShapedLine shapeFixed(String text, boolean bold) {
        Fixed key = new Fixed(text, bold);
        ShapedLine line = fixed.get(key);
        if (line != null) {
            return line;
        }
        line = shape(text, bold);
        if (fixed.size() < MAX_FIXED) {
            fixed.putIfAbsent(key, line);
        }
        return line;
    }

    /** Shapes one line (no line breaks) in the regular or bold weight. */
    ShapedLine shape(String text, boolean bold) {
        List<ShapedRun> runs = new ArrayList<>();
        float advance = 0;
        FontFace current = null;
        int runStart = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            FontFace face = faceFor(codePoint, current, text, bold);
            if (face != current) {
                if (current != null) {
                    ShapedRun run = current.shape(text, runStart, i);
                    runs.add(run);
                    advance += run.advance();
                }
                current = face;
                runStart = i;
            }
            i += Character.charCount(codePoint);
        }
        if (current != null) {
            ShapedRun run = current.shape(text, runStart, text.length());
            runs.add(run);
            advance += run.advance();
        }
        return new ShapedLine(text, runs, advance);
    }

    private FontFace faceFor(int codePoint, FontFace current, String text, boolean bold) {
        FontFace byScript = faceOfScript(UnicodeScript.of(codePoint), bold);
        if (byScript != null) {
            return byScript;
        }
        if (current != null && current.canDisplay(codePoint)) {
            return current;
        }
        if (current == null) {
            // Leading digits or punctuation: take the font of the first letter that follows.
            FontFace first = firstScriptFace(text, bold);
            if (first.canDisplay(codePoint)) {
                return first;
            }
        }
        for (FontFace fallback : List.of(regular(latin, latinBold, bold), regular(telugu, teluguBold, bold),
                regular(devanagari, devanagariBold, bold))) {
            if (fallback.canDisplay(codePoint)) {
                return fallback;
            }
        }
        return regular(latin, latinBold, bold); // draws .notdef, which at least shows something is wrong
    }

    private FontFace firstScriptFace(String text, boolean bold) {
        for (int i = 0; i < text.length(); i += Character.charCount(text.codePointAt(i))) {
            FontFace face = faceOfScript(UnicodeScript.of(text.codePointAt(i)), bold);
            if (face != null) {
                return face;
            }
        }
        return regular(latin, latinBold, bold);
    }

    private FontFace faceOfScript(UnicodeScript script, boolean bold) {
        return switch (script) {
            case TELUGU -> regular(telugu, teluguBold, bold);
            case DEVANAGARI -> regular(devanagari, devanagariBold, bold);
            case LATIN -> regular(latin, latinBold, bold);
            default -> null;
        };
    }

    private static FontFace regular(FontFace regular, FontFace boldFace, boolean bold) {
        return bold ? boldFace : regular;
    }

    private record Fixed(String text, boolean bold) {
    }
}
