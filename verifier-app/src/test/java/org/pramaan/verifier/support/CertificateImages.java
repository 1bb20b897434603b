package org.pramaan.verifier.support;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.pramaan.credential.qr.QrCode;

/**
 * Certificates as people hold them: a printed page with the QR code in a corner (as an image), and
 * the PDF, with or without the credential embedded as {@code credential.cose}.
 */
public final class CertificateImages {

    private CertificateImages() {
    }

    /** An A4 page at 150 dpi with a heading, a few lines and the QR code at 4 pixels per module. */
    public static BufferedImage printedPage(String qrText) {
        BufferedImage page = new BufferedImage(1240, 1754, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, page.getWidth(), page.getHeight());
            g.setColor(new Color(20, 20, 60));
            g.setFont(new Font(Font.SERIF, Font.BOLD, 48));
            g.drawString("Government of Andhra Pradesh", 120, 160);
            g.setFont(new Font(Font.SERIF, Font.PLAIN, 32));
            for (int line = 0; line < 12; line++) {
                g.drawString("Income certificate - line " + line + " of the certified particulars", 120, 300 + line * 60);
            }
            BufferedImage qr = QrCode.encode(qrText).image(4);
            g.drawImage(qr, page.getWidth() - qr.getWidth() - 100, page.getHeight() - qr.getHeight() - 120, null);
        } finally {
            g.dispose();
        }
        return page;
    }

    public static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    public static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page PDF showing the QR code; with {@code cose} also embedded as credential.cose. */
    public static byte[] pdf(String qrText, byte[] cose) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 18);
                content.newLineAtOffset(60, 760);
                content.showText("Income Certificate");
                content.endText();
                content.drawImage(LosslessFactory.createFromImage(document, QrCode.encode(qrText).image(4)), 380, 60, 160, 160);
            }
            if (cose != null) {
                PDEmbeddedFile file = new PDEmbeddedFile(document, new java.io.ByteArrayInputStream(cose));
                file.setSubtype("application/cose");
                file.setSize(cose.length);
                PDComplexFileSpecification spec = new PDComplexFileSpecification();
                spec.setFile("credential.cose");
                spec.setFileUnicode("credential.cose");
                spec.setEmbeddedFile(file);
                PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
                tree.setNames(java.util.Map.of("credential.cose", spec));
                PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
                names.setEmbeddedFiles(tree);
                document.getDocumentCatalog().setNames(names);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
