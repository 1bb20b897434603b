package org.pramaan.issuer.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.io.OutputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes a certificate PDF archival, PDF/A-3b (ISO 19005-3, conformance level B): XMP metadata that
 * repeats the document information dictionary and names the part and conformance, an output intent
 * with the sRGB ICC profile (the page's colours are DeviceRGB), and PDF 1.7 in the header. The fonts
 * are embedded already and the credential is an associated file ({@link CertificatePdf}); the PAdES
 * signature comes after, as an incremental update, which PDF/A allows.
 *
 * <p>The ICC profile is the Java platform's own sRGB profile (no file to ship), read and compressed once:
 * every certificate carries the same compressed bytes. The XMP is serialised by one XmpSerializer per
 * thread, with its XML factories made once rather than looked up for every certificate.
 */
final class ArchivalProfile {

    static final String SRGB = "sRGB IEC61966-2.1";
    private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    /** The profile Flate-compressed, as the output intent's stream carries it. */
    private static final byte[] SRGB_PROFILE_FLATE = deflate(SRGB_PROFILE);
    private static final ThreadLocal<XmpSerializer> SERIALIZERS = ThreadLocal.withInitial(() -> new XmpSerializer(
            javax.xml.transform.TransformerFactory.newInstance(), javax.xml.parsers.DocumentBuilderFactory.newInstance()));

    private ArchivalProfile() {
    }

    /** Declares {@code pdf} PDF/A-3b; its information dictionary must be complete already. */
    static void apply(PDDocument pdf) throws IOException {
        pdf.setVersion(1.7f);
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setMetadata(metadata(pdf, pdf.getDocumentInformation()));
        COSStream profile = pdf.getDocument().createCOSStream();
        try (OutputStream out = profile.createRawOutputStream()) {
            out.write(SRGB_PROFILE_FLATE);
        }
        profile.setItem(COSName.FILTER, COSName.FLATE_DECODE);
        profile.setInt(COSName.N, 3);
        COSDictionary dictionary = new COSDictionary();
        dictionary.setItem(COSName.TYPE, COSName.OUTPUT_INTENT);
        dictionary.setItem(COSName.S, COSName.GTS_PDFA1);
        dictionary.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
        PDOutputIntent intent = new PDOutputIntent(dictionary);
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
    }

    private static byte[] deflate(byte[] bytes) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static PDMetadata metadata(PDDocument pdf, PDDocumentInformation info) throws IOException {
        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        try {
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(3);
            id.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(info.getTitle());
            dc.setDescription(info.getSubject());
            dc.addCreator(info.getAuthor());
            dc.setFormat("application/pdf");
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(info.getCreator());
            Calendar created = info.getCreationDate();
            basic.setCreateDate(created);
            basic.setModifyDate(created);
            basic.setMetadataDate(created);
            AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
            adobe.setProducer(info.getProducer());
        } catch (BadFieldValueException e) {
            throw new IllegalStateException("the PDF/A identification is constant and valid", e);
        }
        info.setModificationDate(info.getCreationDate());
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        try {
            SERIALIZERS.get().serialize(xmp, out, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(pdf, new ByteArrayInputStream(out.toByteArray()));
        metadata.getCOSObject().setItem(COSName.TYPE, COSName.METADATA);
        return metadata;
    }
}
