package org.pramaan.issuer.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSName;

/**
 * Writes a page content stream operator by operator.
 *
 * <p>PDFBox's own content stream writer encodes text through the font's character map, which cannot
 * express shaped glyphs (a conjunct has no character of its own), and its raw-command escape hatch
 * is deprecated. This writer emits glyph ids directly, with positioning, inside a marked-content
 * span whose ActualText carries the original Unicode line, so copy, search and screen readers get the
 * text while the page shows the shaped glyphs.
 */
final class ContentWriter {

    private final StringBuilder out = new StringBuilder(16 * 1024);
    private final DocumentFonts fonts;

    ContentWriter(DocumentFonts fonts) {
        this.fonts = fonts;
    }

    /** Draws a shaped line with its left end of the baseline at (x, y). */
    void text(ShapedLine line, float x, float y, float size, Color color) {
        if (line.runs().isEmpty()) {
            return;
        }
        out.append("/Span <</ActualText <FEFF");
        hex16(line.text());
        out.append(">>> BDC\n");
        fill(color);
        out.append("BT\n");
        float runX = x;
        for (ShapedRun run : line.runs()) {
            if (run.glyphs().length > 0) {
                COSName font = fonts.use(run);
                out.append('/').append(font.getName()).append(' ');
                number(size).append(" Tf 1 0 0 1 ");
                number(runX).append(' ');
                number(y).append(" Tm\n");
                glyphs(run, size);
            }
            runX += run.advance() * size / 1000f;
        }
        out.append("ET\nEMC\n");
    }

    /**
     * Shows the run's glyphs with one TJ per baseline: between glyphs the TJ number moves the pen from
     * where the previous glyph's width left it to where shaping placed the next glyph (marks that sit
     * on a consonant move it back). Marks raised or lowered by the font get their own text rise.
     */
    private void glyphs(ShapedRun run, float size) {
        float pen = 0;
        boolean open = false;
        float rise = 0;
        for (int i = 0; i < run.glyphs().length; i++) {
            float glyphRise = run.y()[i];
            if (glyphRise != rise) {
                if (open) {
                    out.append("] TJ\n");
                    open = false;
                }
                rise = glyphRise;
                // Text rise is in text space units, not scaled by the font size.
                number(rise * size / 1000f).append(" Ts\n");
            }
            if (!open) {
                out.append('[');
                open = true;
            }
            float shift = run.x()[i] - pen;
            if (Math.abs(shift) > 0.01f) {
                number(-shift).append(' ');
            }
            int glyph = run.glyphs()[i];
            out.append('<').append(HEX[(glyph >> 12) & 15]).append(HEX[(glyph >> 8) & 15])
                    .append(HEX[(glyph >> 4) & 15]).append(HEX[glyph & 15]).append('>');
            pen = run.x()[i] + run.face().pdfAdvance(glyph);
        }
        out.append("] TJ\n");
        if (rise != 0) {
            out.append("0 Ts\n");
        }
    }

    void fill(Color color) {
        number(color.red()).append(' ');
        number(color.green()).append(' ');
        number(color.blue()).append(" rg\n");
    }

    void stroke(Color color, float lineWidth) {
        number(color.red()).append(' ');
        number(color.green()).append(' ');
        number(color.blue()).append(" RG ");
        number(lineWidth).append(" w\n");
    }

    /** Adds a rectangle to the current path. */
    void rect(float x, float y, float width, float height) {
        number(x).append(' ');
        number(y).append(' ');
        number(width).append(' ');
        number(height).append(" re\n");
    }

    void moveTo(float x, float y) {
        number(x).append(' ');
        number(y).append(" m\n");
    }

    void lineTo(float x, float y) {
        number(x).append(' ');
        number(y).append(" l\n");
    }

    /** Adds a circle to the current path: four Bézier quarter arcs. */
    void circle(float cx, float cy, float r) {
        float k = 0.5523f * r; // control distance for a quarter circle
        moveTo(cx + r, cy);
        curve(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        curve(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        curve(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        curve(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        out.append("h\n");
    }

    private void curve(float x1, float y1, float x2, float y2, float x3, float y3) {
        number(x1).append(' ');
        number(y1).append(' ');
        number(x2).append(' ');
        number(y2).append(' ');
        number(x3).append(' ');
        number(y3).append(" c\n");
    }

    void closePath() {
        out.append("h\n");
    }

    void fillPath() {
        out.append("f\n");
    }

    void strokePath() {
        out.append("S\n");
    }

    void save() {
        out.append("q\n");
    }

    void restore() {
        out.append("Q\n");
    }

    byte[] toBytes() {
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Two decimals: a hundredth of a point is far below what print or screen can show. */
    private StringBuilder number(float value) {
        long hundredths = Math.round(value * 100.0);
        if (hundredths < 0) {
            out.append('-');
            hundredths = -hundredths;
        }
        out.append(hundredths / 100);
        long fraction = hundredths % 100;
        if (fraction != 0) {
            out.append('.').append(fraction / 10);
            if (fraction % 10 != 0) {
                out.append(fraction % 10);
            }
        }
        return out;
    }

    private void hex16(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            out.append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** An RGB colour, components 0 to 1. */
    record Color(float red, float green, float blue) {
        static final Color TEXT = new Color(0.1f, 0.1f, 0.12f);
        static final Color MUTED = new Color(0.36f, 0.38f, 0.42f);
        static final Color ACCENT = new Color(0.09f, 0.23f, 0.42f);
        static final Color RULE = new Color(0.78f, 0.80f, 0.84f);
        static final Color BLACK = new Color(0, 0, 0);
        static final Color WHITE = new Color(1, 1, 1);
    }
}
