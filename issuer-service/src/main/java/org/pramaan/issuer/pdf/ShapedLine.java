package org.pramaan.issuer.pdf;

import java.util.List;

/**
 * One line of text shaped into runs, one run per font (a Telugu name with Latin digits is two runs).
 *
 * @param text    the whole line, which a PDF reader extracts instead of the glyphs (ActualText)
 * @param runs    the runs left to right
 * @param advance the line's width in thousandths of an em
 */
record ShapedLine(String text, List<ShapedRun> runs, float advance) {

    ShapedLine {
        runs = List.copyOf(runs);
    }

    /** Width in points at the given font size. */
    float width(float size) {
        return advance * size / 1000f;
    }

    int glyphCount() {
        return runs.stream().mapToInt(run -> run.glyphs().length).sum();
    }
}
