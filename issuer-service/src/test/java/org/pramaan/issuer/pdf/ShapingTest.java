package org.pramaan.issuer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.io.File;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks that text is shaped, not mapped character by character: the glyphs written to the PDF are
 * the ones the JDK's OpenType shaper chooses, conjuncts are single glyphs, and the Devanagari
 * i-sign moves before its consonant. Every assertion here fails for a per-character glyph mapping.
 */
class ShapingTest {

    private static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    private static final String TELUGU_NAME = "లక్ష్మీ సత్యనారాయణమూర్తి";

    private static CertificateFonts fonts;
    private static TextShaper shaper;

    @BeforeAll
    static void shaper() {
        fonts = CertificateFonts.discover();
        shaper = new TextShaper(fonts);
    }

    @Test
    void shapesTeluguConjunctsIntoFewerGlyphsThanCharacters() throws Exception {
        ShapedLine line = shaper.shape(TELUGU_NAME, false);

        assertThat(line.runs()).singleElement().satisfies(run ->
                assertThat(run.face().name()).isEqualTo(fonts.telugu().getFileName().toString()));
        int codePoints = TELUGU_NAME.codePointCount(0, TELUGU_NAME.length());
        assertThat(line.glyphCount()).isLessThan(codePoints);
        assertThat(line.runs().get(0).glyphs()).containsExactly(shapedByJdk(fonts.telugu(), TELUGU_NAME));
        assertThat(line.runs().get(0).glyphs()).isNotEqualTo(characterGlyphs(fonts.telugu(), TELUGU_NAME));
    }

    @Test
    void putsTheDevanagariISignBeforeItsConsonant() throws Exception {
        int[] naive = characterGlyphs(fonts.devanagari(), "कि");
        int[] shaped = shaper.shape("कि", false).runs().get(0).glyphs();

        assertThat(shaped).hasSize(2);
        assertThat(shaped[1]).as("ka comes second").isEqualTo(naive[0]);
        assertThat(shaped[0]).as("the i-sign comes first").isNotEqualTo(naive[0]);
    }

    @Test
    void shapesDevanagariConjuncts() throws Exception {
        for (String word : List.of("क्षत्रिय", "श्री", "द्विवेदी")) {
            int[] shaped = shaper.shape(word, false).runs().get(0).glyphs();

            assertThat(shaped).as(word).containsExactly(shapedByJdk(fonts.devanagari(), word));
            assertThat(shaped.length).as(word).isLessThan(word.codePointCount(0, word.length()));
        }
    }

    @Test
    void writesTheShapedGlyphsIntoThePdf() throws Exception {
        CertificateDocument telugu = new TestCertificates().telugu();
        byte[] pdf = new CertificatePdfRenderer(fonts).render(telugu);

        Map<String, List<Integer>> codes = PdfInspection.glyphCodes(pdf);
        // The holder name is set in bold.
        List<Integer> bold = codes.entrySet().stream().filter(e -> e.getKey().endsWith("+NotoSansTelugu-Bold"))
                .map(Map.Entry::getValue).findFirst().orElseThrow();
        List<Integer> shaped = boxed(shapedByJdk(fonts.teluguBold(), telugu.holderName()));
        List<Integer> naive = boxed(characterGlyphs(fonts.teluguBold(), telugu.holderName()));

        assertThat(Collections.indexOfSubList(bold, shaped)).as("shaped holder name in the PDF").isNotNegative();
        assertThat(Collections.indexOfSubList(bold, naive)).as("per-character glyphs in the PDF").isNegative();
    }

    @Test
    void splitsMixedTextIntoRunsPerScriptAndKeepsSpacesInTheirRun() {
        ShapedLine line = shaper.shape("12-3-45, గాంధీ నగర్, Vijayawada", false);

        assertThat(line.runs()).extracting(ShapedRun::text).containsExactly("12-3-45, గాంధీ నగర్, ", "Vijayawada");
        assertThat(line.runs()).extracting(run -> run.face().name())
                .containsExactly("NotoSansTelugu-Regular.ttf", "NotoSans-Regular.ttf");
    }

    @Test
    void drawsNothingForAZeroWidthNonJoiner() throws Exception {
        int space = characterGlyphs(fonts.telugu(), " ")[0];
        ShapedRun withJoiner = shaper.shape("కోడ్\u200Cను", false).runs().get(0);

        // HarfBuzz turns the joiner into a zero-width space glyph; it carries no ink and must not
        // come out as a space when the text is extracted.
        assertThat(withJoiner.glyphs()).doesNotContain(space);
        assertThat(withJoiner.glyphTexts()).doesNotContain("\u200C");
    }

    private static int[] shapedByJdk(java.nio.file.Path file, String text) throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, file.toFile()).deriveFont(1000f);
        char[] chars = text.toCharArray();
        GlyphVector vector = font.layoutGlyphVector(FRC, chars, 0, chars.length, Font.LAYOUT_LEFT_TO_RIGHT);
        return vector.getGlyphCodes(0, vector.getNumGlyphs(), null);
    }

    /** What a renderer without shaping writes: the character map's glyph for each character. */
    private static int[] characterGlyphs(java.nio.file.Path file, String text) throws Exception {
        Font font = Font.createFont(Font.TRUETYPE_FONT, new File(file.toString()));
        GlyphVector vector = font.createGlyphVector(FRC, text);
        return vector.getGlyphCodes(0, vector.getNumGlyphs(), null);
    }

    private static List<Integer> boxed(int[] glyphs) {
        return Arrays.stream(glyphs).boxed().toList();
    }
}
