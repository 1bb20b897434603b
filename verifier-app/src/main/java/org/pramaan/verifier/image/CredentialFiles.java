package org.pramaan.verifier.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadProgressListener;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Finds the credential in an uploaded PNG, JPEG or PDF. A certificate PDF carries its credential as
 * an embedded file ({@code credential.cose}); that is exact, so it is used when present. Otherwise
 * the first pages are rendered and searched for the QR code, as for a photo.
 *
 * <p>A few kilobytes can ask for minutes of CPU and gigabytes of memory, so every cost is bounded
 * before the work starts ({@link DecodingProperties}): image pixels from the header, the page box in
 * points and the rendered pixels, the number of pages; the whole reading has a deadline
 * ({@link DecodeBudget}) and runs in one of a few slots ({@link DecodeSlots}).
 */
@Component
public class CredentialFiles {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialFiles.class);
    static final int RENDER_DPI = 200;
    static final int MAX_COSE_BYTES = 16 * 1024;

    private final DecodingProperties limits;
    private final DecodeSlots slots;

    @Autowired
    public CredentialFiles(DecodingProperties limits, DecodeSlots slots) {
        this.limits = limits;
        this.slots = slots;
    }

    /** For tools and tests outside Spring: default limits, two slots. */
    public CredentialFiles() {
        this(DecodingProperties.defaults(), new DecodeSlots(DecodingProperties.defaults()));
    }

    /**
     * The credential in the file. Throws {@link UnreadableUploadException} (400) for what is not a
     * readable PNG, JPEG or PDF, {@link UploadTooCostlyException} (422) for what would cost too much,
     * and {@link DecodersBusyException} (503) when every decode slot is taken.
     */
    public UploadedCredential read(byte[] file) {
        if (file == null || file.length == 0) {
            throw new UnreadableUploadException("the file is empty");
        }
        boolean pdf = startsWith(file, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        boolean image = startsWith(file, new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                || startsWith(file, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        if (!pdf && !image) {
            throw new UnreadableUploadException("the file is not a PNG, JPEG or PDF");
        }
        return slots.run(() -> {
            DecodeBudget budget = DecodeBudget.of(limits.deadline());
            return pdf ? fromPdf(file, budget) : fromImage(decodeImage(file, budget), budget);
        });
    }

    private static UploadedCredential fromImage(BufferedImage image, DecodeBudget budget) {
        return RobustQrReader.read(image, budget)
                .<UploadedCredential>map(UploadedCredential.QrText::new)
                .orElseGet(() -> new UploadedCredential.NotFound("upload.noQr", "no QR code could be read in the image"));
    }

    private UploadedCredential fromPdf(byte[] file, DecodeBudget budget) {
        try (PDDocument document = Loader.loadPDF(file)) {
            Optional<byte[]> embedded = embeddedCredential(document);
            if (embedded.isPresent()) {
                return new UploadedCredential.Cose(embedded.get());
            }
            PDFRenderer renderer = new BoundedPdfRenderer(document, budget, limits.workingPixels());
            for (int page = 0; page < Math.min(limits.maxPages(), document.getNumberOfPages()); page++) {
                float scale = scaleFor(document.getPage(page));
                budget.check();
                Optional<String> text = RobustQrReader.read(renderer.renderImage(page, scale, ImageType.GRAY), budget);
                if (text.isPresent()) {
                    return new UploadedCredential.QrText(text.get());
                }
            }
            return new UploadedCredential.NotFound("upload.noQr", "the PDF has no embedded credential and no readable QR code");
        } catch (InvalidPasswordException e) {
            throw new UnreadableUploadException("the PDF is password protected", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadTooCostlyException || e instanceof UnreadableUploadException) {
                throw (RuntimeException) e;
            }
            LOG.debug("unreadable PDF upload", e);
            throw new UnreadableUploadException("the PDF cannot be read: it is damaged or not a PDF", e);
        }
    }

    /**
     * Points to pixels for one page, decided before rendering: a page larger than any certificate is
     * refused, and the resolution drops below {@value #RENDER_DPI} dpi when the page would otherwise
     * pass the rendered-pixel budget.
     */
    float scaleFor(PDPage page) {
        PDRectangle box = page.getCropBox();
        float width = Math.abs(box.getWidth());
        float height = Math.abs(box.getHeight());
        int side = limits.maxPageSidePoints();
        if (!(width > 0 && height > 0) || width > side || height > side) {
            throw new UploadTooCostlyException("page_size", String.format(Locale.ROOT,
                    "the PDF page is %.0f x %.0f pt; pages up to %d pt a side are read (A3 is 842 x 1191 pt)",
                    width, height, side));
        }
        float scale = RENDER_DPI / 72f;
        double pixels = (double) width * height * scale * scale;
        if (pixels > limits.maxRenderPixels()) {
            scale *= (float) Math.sqrt(limits.maxRenderPixels() / pixels);
        }
        return scale;
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

    /**
     * Reads the dimensions first, so a decompression bomb is refused before it is decoded; an image
     * between the working size and the limit is decoded subsampled, so its memory stays bounded; the
     * decoder is aborted at the deadline.
     */
    private BufferedImage decodeImage(byte[] file, DecodeBudget budget) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(file))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new UnreadableUploadException("the image format is not readable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > limits.maxPixels()) {
                    throw new UploadTooCostlyException("pixels", "the image has " + pixels + " pixels; at most "
                            + limits.maxPixels() + " are read: send a smaller photo of the QR code");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.ceil(Math.sqrt((double) pixels / limits.workingPixels()));
                if (step > 1) {
                    param.setSourceSubsampling(step, step, 0, 0);
                }
                reader.addIIOReadProgressListener(new AbortAtDeadline(budget));
                BufferedImage image = reader.read(0, param);
                budget.check();
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadTooCostlyException || e instanceof UnreadableUploadException) {
                throw (RuntimeException) e;
            }
            LOG.debug("undecodable image upload", e);
            throw new UnreadableUploadException("the image cannot be decoded: it is damaged or cut short", e);
        }
    }

    /** ImageIO's readers stop at the next row when aborted; checked as the decoding progresses. */
    private record AbortAtDeadline(DecodeBudget budget) implements IIOReadProgressListener {

        @Override
        public void imageProgress(ImageReader source, float percentageDone) {
            if (budget.expired()) {
                source.abort();
            }
        }

        @Override
        public void sequenceStarted(ImageReader source, int minIndex) {
        }

        @Override
        public void sequenceComplete(ImageReader source) {
        }

        @Override
        public void imageStarted(ImageReader source, int imageIndex) {
        }

        @Override
        public void imageComplete(ImageReader source) {
        }

        @Override
        public void thumbnailStarted(ImageReader source, int imageIndex, int thumbnailIndex) {
        }

        @Override
        public void thumbnailProgress(ImageReader source, float percentageDone) {
        }

        @Override
        public void thumbnailComplete(ImageReader source) {
        }

        @Override
        public void readAborted(ImageReader source) {
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
