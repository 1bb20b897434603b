package org.pramaan.issuer.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Objects;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a certificate as a one-page A4 PDF: bilingual, with text shaped for Telugu and Devanagari,
 * fonts embedded as subsets, the QR code drawn as vector modules, and the signed credential attached
 * as a file (see {@link CertificatePdf}); PDF/A-3b, so an archive can keep it (see {@link ArchivalProfile}).
 *
 * <p>Create one per application and share it: the constructor reads and parses the fonts, which is
 * the expensive part; {@link #render} is thread-safe.
 *
 * <pre>{@code
 * CertificatePdfRenderer renderer = new CertificatePdfRenderer(CertificateFonts.discover());
 * byte[] pdf = renderer.render(document);
 * }</pre>
 */
public final class CertificatePdfRenderer {

    private static final Logger log = LoggerFactory.getLogger(CertificatePdfRenderer.class);

    private final CertificateLayout layout;
    private final boolean archival;

    /**
     * Reads the fonts; the PDFs are PDF/A-3b.
     *
     * @throws CertificateFonts.MissingFontException when a font file is missing
     */
    public CertificatePdfRenderer(CertificateFonts fonts) {
        this(fonts, true);
    }

    /**
     * Reads the fonts.
     *
     * @param archival whether the PDFs are made PDF/A-3b (XMP metadata, sRGB output intent): off only to
     *                 measure what that costs against the PDFs as they were
     * @throws CertificateFonts.MissingFontException when a font file is missing
     */
    public CertificatePdfRenderer(CertificateFonts fonts, boolean archival) {
        Objects.requireNonNull(fonts, "fonts");
        this.archival = archival;
        this.layout = new CertificateLayout(new TextShaper(fonts));
        log.debug("certificate fonts loaded: {}", fonts);
    }

    /** The certificate as PDF bytes, unsigned. */
    public byte[] render(CertificateDocument document) {
        return render(document, null);
    }

    /**
     * The certificate as PDF bytes, signed with {@code signature} when it is not null: in the same save, the
     * signature's byte range covering the whole file (see {@link SignedSave}).
     */
    public byte[] render(CertificateDocument document, PdfSignature signature) {
        Objects.requireNonNull(document, "document");
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(CertificateLayout.PAGE);
            PDResources resources = new PDResources();
            page.setResources(resources);
            pdf.addPage(page);
            DocumentFonts fonts = new DocumentFonts(pdf, resources);
            ContentWriter content = new ContentWriter(fonts);
            layout.draw(document, content);
            page.setContents(new PDStream(pdf, new ByteArrayInputStream(content.toBytes()), COSName.FLATE_DECODE));
            fonts.finish();
            Calendar issued = describe(pdf, document);
            CertificatePdf.attach(pdf, document.credential(), issued);
            if (archival) {
                ArchivalProfile.apply(pdf);
            }
            if (signature != null) {
                return SignedSave.save(pdf, signature);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the PDF of certificate " + document.certificateId() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Calendar describe(PDDocument pdf, CertificateDocument document) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(document.title().english() + " " + document.certificateId());
        info.setSubject(document.department().english());
        info.setAuthor(document.department().english());
        info.setCreator("Pramaan issuer-service");
        info.setProducer("Pramaan issuer-service");
        // The issue date, not the rendering time: rendering the same certificate twice gives the same document.
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("Asia/Kolkata"));
        created.clear();
        created.set(document.issuedOn().getYear(), document.issuedOn().getMonthValue() - 1, document.issuedOn().getDayOfMonth());
        info.setCreationDate(created);
        pdf.getDocumentCatalog().setLanguage(document.language().code());
        // PDFBox would derive the file identifier from the clock; one from the credential keeps it
        // unique per certificate and the bytes reproducible.
        byte[] id = Arrays.copyOf(sha256(document.credential()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
        return created;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
