package org.pramaan.issuer.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;

/** Reads a rendered certificate back the way a PDF reader would: text, glyph codes, fonts, pixels. */
final class PdfInspection {

    private PdfInspection() {
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static BufferedImage image(byte[] pdf, float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
    }

    /** Every font on the page by resource name, loaded (the caller must not close the document first). */
    static Map<String, PDFont> fonts(PDDocument document) throws IOException {
        Map<String, PDFont> fonts = new LinkedHashMap<>();
        PDPage page = document.getPage(0);
        for (var name : page.getResources().getFontNames()) {
            fonts.put(name.getName(), page.getResources().getFont(name));
        }
        return fonts;
    }

    /** The glyph codes the page shows with each font (by base font name), in content stream order. */
    static Map<String, List<Integer>> glyphCodes(byte[] pdf) throws IOException {
        Map<String, List<Integer>> codes = new LinkedHashMap<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper recorder = new PDFTextStripper() {
                @Override
                protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                        throws IOException {
                    codes.computeIfAbsent(font.getName(), name -> new ArrayList<>()).add(code);
                    super.showGlyph(textRenderingMatrix, font, code, displacement);
                }
            };
            recorder.getText(document);
        }
        return codes;
    }
}
