package org.pramaan.issuer.pdf;

/**
 * A run of text in one font, shaped: glyph ids in drawing order with their pen positions.
 *
 * @param face       the font the glyph ids belong to
 * @param text       the run's characters, in logical (reading) order
 * @param glyphs     glyph ids of {@code face}, in visual order
 * @param x          each glyph's horizontal position from the run start, thousandths of an em
 * @param y          each glyph's vertical offset (mark positioning), thousandths of an em, up positive
 * @param advance    the run's total advance, thousandths of an em
 * @param glyphTexts for each glyph the characters it stands for, for the font's ToUnicode map
 */
record ShapedRun(FontFace face, String text, int[] glyphs, float[] x, float[] y, float advance, String[] glyphTexts) {
}
