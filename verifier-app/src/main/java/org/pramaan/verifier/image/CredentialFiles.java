package org.pramaan.verifier.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.springframework.stereotype.Component;

/**
 * Finds the credential in an uploaded PNG, JPEG or PDF. A certificate PDF carries its credential as
 * an embedded file ({@code credential.cose}); that is exact, so it is used when present. Otherwise
 * the first pages are rendered and searched for the QR code, as for a photo.
 */
@Component
public class CredentialFiles {

    /** A 48-megapixel photo decodes to about 200 MB; anything larger is refused before decoding. */
    static final long MAX_PIXELS = 50_000_000L;
    static final int MAX_PAGES = 3;
    static final int RENDER_DPI = 200;
    static final int MAX_COSE_BYTES = 16 * 1024;

    public UploadedCredential read(byte[] file) {
        if (file == null || file.length == 0) {
            throw new UnreadableUploadException("the file is empty");
        }
        if (startsWith(file, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return fromPdf(file);
        }
        if (startsWith(file, new byte[] {(byte) 0x89, 'P', 'N', 'G'}) || startsWith(file, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
            return fromImage(decodeImage(file));
        }
        throw new UnreadableUploadException("the file is not a PNG, JPEG or PDF");
    }

    private static UploadedCredential fromImage(BufferedImage image) {
        return RobustQrReader.read(image)
                .<UploadedCredential>map(UploadedCredential.QrText::new)
                .orElseGet(() -> new UploadedCredential.NotFound("upload.noQr", "no QR code could be read in the image"));
    }

    private static UploadedCredential fromPdf(byte[] file) {
        try (PDDocument document = Loader.loadPDF(file)) {
            Optional<byte[]> embedded = embeddedCredential(document);
            if (embedded.isPresent()) {
                return new UploadedCredential.Cose(embedded.get());
            }
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < Math.min(MAX_PAGES, document.getNumberOfPages()); page++) {
                Optional<String> text = RobustQrReader.read(renderer.renderImageWithDPI(page, RENDER_DPI, ImageType.GRAY));
                if (text.isPresent()) {
                    return new UploadedCredential.QrText(text.get());
                }
            }
            return new UploadedCredential.NotFound("upload.noQr", "the PDF has no embedded credential and no readable QR code");
        } catch (InvalidPasswordException e) {
            throw new UnreadableUploadException("the PDF is password protected", e);
        } catch (IOException e) {
            throw new UnreadableUploadException("the PDF cannot be read: " + e.getMessage(), e);
        }
    }

    private static Optional<byte[]> embeddedCredential(PDDocument document) throws IOException {
        PDDocumentNameDictionary names = document.getDocumentCatalog().getNames();
        if (names == null || names.getEmbeddedFiles() == null) {
            return Optional.empty();
        }
        return search(names.getEmbeddedFiles(), 0);
    }

    private static Optional<byte[]> search(PDNameTreeNode<PDComplexFileSpecification> node, int depth) throws IOException {
        if (depth > 8) {
            return Optional.empty();
        }
        Map<String, PDComplexFileSpecification> files = node.getNames();
        if (files != null) {
            for (Map.Entry<String, PDComplexFileSpecification> entry : files.entrySet()) {
                String name = Optional.ofNullable(entry.getValue().getFilename()).orElse(entry.getKey());
                PDEmbeddedFile file = entry.getValue().getEmbeddedFile();
                if (file != null && name.toLowerCase(Locale.ROOT).endsWith(".cose") && file.getLength() <= MAX_COSE_BYTES) {
                    return Optional.of(file.toByteArray());
                }
            }
        }
        if (node.getKids() != null) {
            for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
                Optional<byte[]> found = search(kid, depth + 1);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Reads the dimensions first, so a decompression bomb is refused before it is decoded. */
    private static BufferedImage decodeImage(byte[] file) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnreadableUploadException("the image format is not readable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new UnreadableUploadException("the image has " + pixels + " pixels; at most " + MAX_PIXELS
                            + " are accepted");
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableUploadException u) {
                throw u;
            }
            throw new UnreadableUploadException("the image cannot be decoded: " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
