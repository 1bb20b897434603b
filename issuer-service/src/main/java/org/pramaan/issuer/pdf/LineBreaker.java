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
        List<ShapedLine> lines = new ArrayList<>();
        for (String paragraph : text.strip().split("\\R")) {
            wrapParagraph(paragraph.strip(), bold, size, maxWidth, lines);
        }
        return lines;
    }

    private void wrapParagraph(String paragraph, boolean bold, float size, float maxWidth, List<ShapedLine> lines) {
        ShapedLine whole = shaper.shape(paragraph, bold);
        if (whole.width(size) <= maxWidth || paragraph.indexOf(' ') < 0) {
            lines.add(whole); // the common case: one shaping, no breaking
            return;
        }
        float space = shaper.shape(" ", bold).width(size);
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String word : paragraph.split(" +")) {
            float wordWidth = shaper.shape(word, bold).width(size);
            if (line.length() > 0 && lineWidth + space + wordWidth > maxWidth) {
                lines.add(shaper.shape(line.toString(), bold));
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
        lines.add(shaper.shape(line.toString(), bold));
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
