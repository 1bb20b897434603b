package org.pramaan.bridge.journey;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.pramaan.credential.CredentialText;
import org.pramaan.credential.MalformedCredentialException;
import org.pramaan.credential.qr.QrImageReader;

/** The certificate PDF the citizen received, as a printer, a phone camera and a forger would treat it. */
final class PrintedCertificate {

    private final byte[] pdf;

    PrintedCertificate(byte[] pdf) {
        this.pdf = pdf;
    }

    int pages() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }

    /** The first page as a printer would put it on paper. */
    BufferedImage render(float dpi) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, dpi, ImageType.RGB);
        }
    }

    /** The QR text read from the rendered page, as a scanner reads it. */
    Optional<String> qrText(float dpi) throws IOException {
        return QrImageReader.read(render(dpi));
    }

    /**
     * A phone photo of the printed page: held a few degrees askew on a grey desk, then JPEG-compressed as a camera
     * app does.
     */
    byte[] photo(float dpi, double degrees, float jpegQuality) throws IOException {
        BufferedImage page = render(dpi);
        double radians = Math.toRadians(degrees);
        int margin = (int) (Math.max(page.getWidth(), page.getHeight()) * Math.abs(Math.sin(radians))) + 40;
        BufferedImage photo = new BufferedImage(page.getWidth() + 2 * margin, page.getHeight() + 2 * margin,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = photo.createGraphics();
        try {
            g.setColor(new Color(120, 118, 112));
            g.fillRect(0, 0, photo.getWidth(), photo.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.rotate(radians, photo.getWidth() / 2.0, photo.getHeight() / 2.0);
            g.drawImage(page, margin, margin, null);
        } finally {
            g.dispose();
        }
        return jpeg(photo, jpegQuality);
    }

    /**
     * The credential with one character of a claim changed inside the signed payload, re-compressed and re-encoded
     * so it still decodes: only the signature can tell. {@code original} must occur in the payload as UTF-8 (CBOR
     * text strings are plain UTF-8) and {@code replacement} must have the same byte length, so the CBOR stays valid.
     */
    static String tampered(String qrText, String verifierBaseUrl, String original, String replacement)
            throws MalformedCredentialException {
        byte[] cose = CredentialText.decode(qrText);
        byte[] from = original.getBytes(StandardCharsets.UTF_8);
        byte[] to = replacement.getBytes(StandardCharsets.UTF_8);
        if (from.length != to.length) {
            throw new IllegalArgumentException("the replacement must keep the byte length");
        }
        int at = indexOf(cose, from);
        if (at < 0) {
            throw new AssertionError("'" + original + "' is not in the signed payload");
        }
        System.arraycopy(to, 0, cose, at, to.length);
        return CredentialText.url(verifierBaseUrl, cose);
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            parameters.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
