package org.pramaan.issuer.pdf;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * One TrueType file, read once: the bytes, the JDK font that shapes text in it, the advance widths
 * PDF glyph positioning needs, and a pool of parsed FontBox fonts for embedding.
 *
 * <p>Shaping goes through {@link Font#layoutGlyphVector}, which runs HarfBuzz inside the JDK: it
 * applies the font's OpenType GSUB and GPOS rules, so Telugu and Devanagari conjuncts, vowel signs
 * and reph come out as the glyphs the font designer intended. PDFBox cannot do that for Telugu.
 *
 * <p>The JDK font is sized at the font's units per em, so glyph positions come back in font units
 * and need no scaling per size. Thread-safe: the JDK font is immutable and the pool hands each
 * parsed FontBox font to one document at a time (FontBox fonts read their tables lazily and are not
 * safe to share).
 */
final class FontFace {

    private static final int[] NO_CHARACTERS = {};

    /** The JDK's marker for glyphs it hides, such as a zero-width joiner's. */
    private static final int INVISIBLE_GLYPH = 0xFFFE;

    // Fractional metrics: unhinted advances, the same the PDF viewer uses from the embedded font.
    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);

    private final String name;
    private final byte[] data;
    private final Font awtFont;
    private final int unitsPerEm;
    private final int[] advances;
    private final Metrics metrics;
    private final Map<Integer, int[]> charactersByGlyph;
    private final ConcurrentLinkedQueue<TrueTypeFont> parsed = new ConcurrentLinkedQueue<>();

    private FontFace(String name, byte[] data) throws IOException, FontFormatException {
        this.name = name;
        this.data = data;
        TrueTypeFont ttf = parse();
        this.unitsPerEm = ttf.getUnitsPerEm();
        this.advances = new int[ttf.getNumberOfGlyphs()];
        for (int gid = 0; gid < advances.length; gid++) {
            advances[gid] = ttf.getAdvanceWidth(gid);
        }
        this.metrics = Metrics.of(ttf);
        this.charactersByGlyph = charactersByGlyph(ttf);
        parsed.add(ttf);
        this.awtFont = Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(data)).deriveFont((float) unitsPerEm);
    }

    static FontFace load(String role, Path file) {
        try {
            return new FontFace(file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read certificate font '" + role + "' from " + file, e);
        } catch (FontFormatException e) {
            throw new IllegalArgumentException("certificate font '" + role + "' at " + file + " is not a TrueType font", e);
        }
    }

    String name() {
        return name;
    }

    int unitsPerEm() {
        return unitsPerEm;
    }

    Metrics metrics() {
        return metrics;
    }

    /** The characters the font's own character map sends to this glyph; empty for conjuncts and other shaped forms. */
    int[] charactersOf(int glyph) {
        return charactersByGlyph.getOrDefault(glyph, NO_CHARACTERS);
    }

    boolean canDisplay(int codePoint) {
        return awtFont.canDisplay(codePoint);
    }

    /** Advance width of a glyph in PDF glyph space (thousandths of an em), as the embedded /W array says. */
    float pdfAdvance(int glyph) {
        int units = glyph < advances.length ? advances[glyph] : 0;
        return units * 1000f / unitsPerEm;
    }

    /**
     * Shapes {@code text[start, end)} with the rest of {@code text} as context.
     *
     * @return glyph ids, positions in PDF glyph space and, for each glyph, the characters it stands for
     */
    ShapedRun shape(String text, int start, int end) {
        char[] chars = text.toCharArray();
        GlyphVector vector = awtFont.layoutGlyphVector(FRC, chars, start, end, Font.LAYOUT_LEFT_TO_RIGHT);
        int count = vector.getNumGlyphs();
        int[] glyphs = new int[count];
        int[] clusters = new int[count];
        float[] x = new float[count];
        float[] y = new float[count];
        float[] positions = vector.getGlyphPositions(0, count + 1, null);
        float scale = 1000f / unitsPerEm;
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int glyph = vector.getGlyphCode(i);
            int cluster = vector.getGlyphCharIndex(i) + start;
            if (glyph >= INVISIBLE_GLYPH || isDefaultIgnorable(chars[cluster])) {
                continue; // joiners steer shaping but draw nothing
            }
            glyphs[kept] = glyph;
            clusters[kept] = cluster;
            x[kept] = positions[2 * i] * scale;
            // JDK y grows downwards, PDF upwards.
            y[kept] = -positions[2 * i + 1] * scale;
            kept++;
        }
        float advance = positions[2 * count] * scale;
        return new ShapedRun(this, text.substring(start, end), Arrays.copyOf(glyphs, kept), Arrays.copyOf(x, kept),
                Arrays.copyOf(y, kept), advance, clusterTexts(text, Arrays.copyOf(clusters, kept), end));
    }

    /**
     * The characters behind each glyph: from its cluster start up to the next cluster's. HarfBuzz gives
     * every glyph of an Indic syllable the syllable's start, so a conjunct maps to its whole syllable.
     */
    private static String[] clusterTexts(String text, int[] clusters, int end) {
        String[] texts = new String[clusters.length];
        for (int i = 0; i < clusters.length; i++) {
            int next = end;
            for (int c : clusters) {
                if (c > clusters[i] && c < next) {
                    next = c;
                }
            }
            texts[i] = text.substring(clusters[i], next);
        }
        return texts;
    }

    private static boolean isDefaultIgnorable(char c) {
        return (c >= '\u200B' && c <= '\u200F') || c == '\u2060' || c == '\uFEFF';
    }

    /** A parsed FontBox font for one document's exclusive use; give it back with {@link #release}. */
    TrueTypeFont borrow() throws IOException {
        TrueTypeFont ttf = parsed.poll();
        return ttf != null ? ttf : parse();
    }

    void release(TrueTypeFont ttf) {
        parsed.offer(ttf);
    }

    private static Map<Integer, int[]> charactersByGlyph(TrueTypeFont ttf) throws IOException {
        Map<Integer, int[]> characters = new HashMap<>();
        CmapLookup cmap = ttf.getUnicodeCmapLookup(false);
        if (cmap == null) {
            return Map.of();
        }
        for (int glyph = 0; glyph < ttf.getNumberOfGlyphs(); glyph++) {
            List<Integer> codes = cmap.getCharCodes(glyph);
            if (codes != null && !codes.isEmpty()) {
                characters.put(glyph, codes.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return Map.copyOf(characters);
    }

    private TrueTypeFont parse() throws IOException {
        // The buffer wraps the shared bytes; each parsed font keeps its own read position.
        return new TTFParser().parse(new RandomAccessReadBuffer(data));
    }

    /**
     * What a PDF font descriptor says about the font, in thousandths of an em.
     *
     * @param postScriptName the font's PostScript name, the base of the subset's name
     * @param bbox           xMin, yMin, xMax, yMax of all glyphs
     */
    record Metrics(String postScriptName, float[] bbox, float ascent, float descent, float capHeight, boolean bold) {

        static Metrics of(TrueTypeFont ttf) throws IOException {
            float scale = 1000f / ttf.getUnitsPerEm();
            var head = ttf.getHeader();
            var os2 = ttf.getOS2Windows();
            float[] bbox = {head.getXMin() * scale, head.getYMin() * scale, head.getXMax() * scale, head.getYMax() * scale};
            String name = ttf.getName() == null ? "NotoSans" : ttf.getName().replaceAll("[^A-Za-z0-9-]", "");
            return new Metrics(name, bbox, ttf.getHorizontalHeader().getAscender() * scale,
                    ttf.getHorizontalHeader().getDescender() * scale,
                    (os2 != null && os2.getCapHeight() > 0 ? os2.getCapHeight() : 714) * scale,
                    os2 != null && os2.getWeightClass() >= 600);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
