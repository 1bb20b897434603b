package org.pramaan.issuer.pdf;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;

/**
 * The fonts of one PDF being written: a {@link SubsetFont} per face used, registered in the page's
 * resources as soon as the first glyph of it is drawn, embedded once drawing is done. Not
 * thread-safe: one per document.
 */
final class DocumentFonts {

    private final PDDocument document;
    private final COSDictionary fontResources = new COSDictionary();
    // Insertion order, so resource names and object numbers come out the same on every run.
    private final Map<FontFace, SubsetFont> fonts = new LinkedHashMap<>();
    private final Map<FontFace, COSName> names = new LinkedHashMap<>();

    DocumentFonts(PDDocument document, PDResources resources) {
        this.document = document;
        resources.getCOSObject().setItem(COSName.FONT, fontResources);
    }

    /** Registers the run's glyphs for embedding; returns the page's resource name of its font. */
    COSName use(ShapedRun run) {
        SubsetFont font = fonts.get(run.face());
        if (font == null) {
            font = new SubsetFont(run.face());
            COSName name = COSName.getPDFName("F" + (fonts.size() + 1));
            fonts.put(run.face(), font);
            names.put(run.face(), name);
            fontResources.setItem(name, font.dictionary());
        }
        font.add(run);
        return names.get(run.face());
    }

    /** Embeds every font as a subset of the glyphs drawn; call once, after drawing and before saving. */
    void finish() throws IOException {
        for (SubsetFont font : fonts.values()) {
            font.embed(document);
        }
    }
}
