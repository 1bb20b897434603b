package org.pramaan.issuer.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDStream;

/**
 * One face embedded in one PDF as a subset Type 0 font: Identity-H encoding, CID = the glyph id in
 * the original font, a CIDToGIDMap into the subset, widths for the glyphs used, and a ToUnicode map.
 *
 * <p>Written here rather than with PDFBox's {@code PDType0Font.load}: that builds the width table of
 * the whole font for every document and a second ToUnicode map we would replace anyway, which made
 * font handling the largest cost of a render. FontBox's {@link TTFSubsetter} still cuts the font.
 */
final class SubsetFont {

    /** The tables a CID-keyed TrueType font needs (no cmap: the CIDToGIDMap does its job). */
    private static final List<String> TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf", "hmtx",
            "fpgm", "gasp");

    private final FontFace face;
    private final COSDictionary type0 = new COSDictionary();
    /** Glyph id to the text it stands for, sorted so the output does not depend on drawing order. */
    private final Map<Integer, String> glyphs = new TreeMap<>();

    SubsetFont(FontFace face) {
        this.face = face;
        type0.setItem(COSName.TYPE, COSName.FONT);
        type0.setItem(COSName.SUBTYPE, COSName.TYPE0);
    }

    /** The font dictionary, completed by {@link #embed}; the page's resources refer to it from the start. */
    COSDictionary dictionary() {
        return type0;
    }

    void add(ShapedRun run) {
        for (int i = 0; i < run.glyphs().length; i++) {
            glyphs.putIfAbsent(run.glyphs()[i], run.glyphTexts()[i]);
        }
    }

    void embed(PDDocument document) throws IOException {
        glyphs.putIfAbsent(0, ""); // .notdef: every TrueType font needs glyph 0
        byte[] file;
        Map<Integer, Integer> oldByNew;
        TrueTypeFont ttf = face.borrow();
        try {
            TTFSubsetter subsetter = new TTFSubsetter(ttf, TABLES);
            subsetter.addGlyphIds(glyphs.keySet());
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            subsetter.writeToStream(out);
            file = out.toByteArray();
            oldByNew = subsetter.getGIDMap();
        } finally {
            face.release(ttf);
        }
        FontFace.Metrics metrics = face.metrics();
        COSName name = COSName.getPDFName(tag() + "+" + metrics.postScriptName());

        PDStream fontFile = Flate.stream(document, file, Flate.FONT_LEVEL);
        fontFile.getCOSObject().setInt(COSName.LENGTH1, file.length);
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setItem(COSName.FONT_NAME, name);
        descriptor.setInt(COSName.FLAGS, 4); // symbolic: glyphs are reached by id, not by a standard encoding
        descriptor.setItem(COSName.FONT_BBOX, numbers(metrics.bbox()));
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setFloat(COSName.ASCENT, metrics.ascent());
        descriptor.setFloat(COSName.DESCENT, metrics.descent());
        descriptor.setFloat(COSName.CAP_HEIGHT, metrics.capHeight());
        descriptor.setInt(COSName.STEM_V, metrics.bold() ? 140 : 80);
        descriptor.setItem(COSName.FONT_FILE2, fontFile);

        COSDictionary systemInfo = new COSDictionary();
        systemInfo.setString(COSName.REGISTRY, "Adobe");
        systemInfo.setString(COSName.ORDERING, "Identity");
        systemInfo.setInt(COSName.SUPPLEMENT, 0);
        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE2);
        cidFont.setItem(COSName.BASE_FONT, name);
        cidFont.setItem(COSName.CIDSYSTEMINFO, systemInfo);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setItem(COSName.W, widths());
        cidFont.setItem(COSName.CID_TO_GID_MAP, stream(document, cidToGid(oldByNew)));

        type0.setItem(COSName.BASE_FONT, name);
        type0.setItem(COSName.ENCODING, COSName.IDENTITY_H);
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        type0.setItem(COSName.DESCENDANT_FONTS, descendants);
        type0.setItem(COSName.TO_UNICODE,
                stream(document, ToUnicodeCMap.write(glyphs, face).getBytes(StandardCharsets.US_ASCII)));
    }

    /** Six capitals derived from the glyph set, as PDF subset names require; the same subset gets the same tag. */
    private String tag() {
        long hash = 1125899906842597L;
        for (int glyph : glyphs.keySet()) {
            hash = 31 * hash + glyph;
        }
        hash ^= face.metrics().postScriptName().hashCode();
        StringBuilder tag = new StringBuilder(6);
        long rest = hash & Long.MAX_VALUE;
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + rest % 26));
            rest /= 26;
        }
        return tag.toString();
    }

    /** The /W array: runs of consecutive CIDs with their widths, the compact form PDF allows. */
    private COSArray widths() {
        COSArray widths = new COSArray();
        COSArray run = null;
        int previous = -2;
        for (int glyph : glyphs.keySet()) {
            if (glyph != previous + 1) {
                widths.add(COSInteger.get(glyph));
                run = new COSArray();
                widths.add(run);
            }
            run.add(COSInteger.get(Math.round(face.pdfAdvance(glyph))));
            previous = glyph;
        }
        return widths;
    }

    /** Two bytes per CID, from 0 to the largest used: the subset's glyph id for each original glyph id. */
    private static byte[] cidToGid(Map<Integer, Integer> oldByNew) {
        int maxCid = oldByNew.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        byte[] map = new byte[2 * (maxCid + 1)];
        oldByNew.forEach((newGid, oldGid) -> {
            map[2 * oldGid] = (byte) (newGid >> 8);
            map[2 * oldGid + 1] = (byte) (int) newGid;
        });
        return map;
    }

    private static PDStream stream(PDDocument document, byte[] bytes) throws IOException {
        return Flate.defaultStream(document, bytes);
    }

    private static COSArray numbers(float[] values) {
        COSArray array = new COSArray();
        for (float value : values) {
            array.add(new COSFloat(Math.round(value)));
        }
        return array;
    }
}
