package org.pramaan.issuer.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a text into shaped lines no wider than a measure, at spaces (and at line breaks already in
 * the text). Indic shaping never crosses a space, so measuring words one by one gives the widths the
 * whole line will have. A single word wider than the measure gets a line of its own and overflows.
 */
final class LineBreaker {

    private final TextShaper shaper;

    LineBreaker(TextShaper shaper) {
        this.shaper = shaper;
    }

    List<ShapedLine> wrap(String text, boolean bold, float size, float maxWidth) {
        return wrap(text, bold, size, maxWidth, false);
    }

    /** As {@link #wrap}, for text that is the same on every certificate of its kind (see {@link TextShaper#shapeFixed}). */
    List<ShapedLine> wrapFixed(String text, boolean bold, float size, float maxWidth) {
        return wrap(text, bold, size, maxWidth, true);
    }

    private List<ShapedLine> wrap(String text, boolean bold, float size, float maxWidth, boolean fixed) {
        List<ShapedLine> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R")) {
            wrapParagraph(paragraph.strip(), bold, size, maxWidth, fixed, lines);
        }
        return lines;
    }

    private ShapedLine shape(String text, boolean bold, boolean fixed) {
        return fixed ? shaper.shapeFixed(text, bold) : shaper.shape(text, bold);
    }

    private void wrapParagraph(String paragraph, boolean bold, float size, float maxWidth, boolean fixed,
                               List<ShapedLine> lines) {
        ShapedLine whole = shape(paragraph, bold, fixed);
        if (whole.width(size) <= maxWidth || paragraph.indexOf(' ') < 0) {
            lines.add(whole); // the common case: one shaping, no breaking
            return;
        }
        float space = shaper.shapeFixed(" ", bold).width(size);
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String word : paragraph.split(" +")) {
            float wordWidth = shape(word, bold, fixed).width(size);
            if (line.length() > 0 && lineWidth + space + wordWidth > maxWidth) {
                lines.add(shape(line.toString(), bold, fixed));
                line.setLength(0);
                lineWidth = 0;
            }
            if (line.length() > 0) {
                line.append(' ');
                lineWidth += space;
            }
            line.append(word);
            lineWidth += wordWidth;
        }
        lines.add(shape(line.toString(), bold, fixed));
    }

    /** The largest size, down to {@code minimum}, at which the text fits on one line. */
    float fit(ShapedLine line, float size, float minimum, float maxWidth) {
        float fitted = size;
        while (fitted > minimum && line.width(fitted) > maxWidth) {
            fitted -= 0.5f;
        }
        return fitted;
    }
}
