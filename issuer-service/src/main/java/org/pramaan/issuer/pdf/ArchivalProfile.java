package org.pramaan.issuer.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import org.apache.pdfbox.cos.COSName;
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
 * <p>The ICC profile is the Java platform's own sRGB profile (no file to ship), read once.
 */
final class ArchivalProfile {

    static final String SRGB = "sRGB IEC61966-2.1";
    private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private ArchivalProfile() {
    }

    /** Declares {@code pdf} PDF/A-3b; its information dictionary must be complete already. */
    static void apply(PDDocument pdf) throws IOException {
        pdf.setVersion(1.7f);
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setMetadata(metadata(pdf, pdf.getDocumentInformation()));
        PDOutputIntent intent = new PDOutputIntent(pdf, new ByteArrayInputStream(SRGB_PROFILE));
        intent.setInfo(SRGB);
        intent.setOutputCondition(SRGB);
        intent.setOutputConditionIdentifier(SRGB);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);
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
            new XmpSerializer().serialize(xmp, out, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        PDMetadata metadata = new PDMetadata(pdf, new ByteArrayInputStream(out.toByteArray()));
        metadata.getCOSObject().setItem(COSName.TYPE, COSName.METADATA);
        return metadata;
    }
}
