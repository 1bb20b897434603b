package org.pramaan.issuer.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.io.OutputStream;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.DateConverter;
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
 * signature is added in the same save ({@link SignedSave}), an invisible, printed widget, which PDF/A allows.
 *
 * <p>The ICC profile is the Java platform's own sRGB profile (no file to ship), read and compressed once:
 * every certificate carries the same compressed bytes. The XMP packet is built and serialised by xmpbox
 * once, with marker values, and filled per certificate ({@link XmpTemplate}).
 */
final class ArchivalProfile {

    static final String SRGB = "sRGB IEC61966-2.1";
    private static final byte[] SRGB_PROFILE = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
    /** The profile Flate-compressed, as the output intent's stream carries it. */
    private static final byte[] SRGB_PROFILE_FLATE = deflate(SRGB_PROFILE);
    private static final XmpTemplate XMP = new XmpTemplate();

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
        info.setModificationDate(info.getCreationDate());
        PDMetadata metadata = new PDMetadata(pdf, new ByteArrayInputStream(XMP.fill(info)));
        metadata.getCOSObject().setItem(COSName.TYPE, COSName.METADATA);
        return metadata;
    }

    /**
     * The XMP packet as xmpbox builds and serialises it, made once with marker values, then filled per
     * certificate: only the title, subject, author, creator, producer and the one date change between
     * certificates, and building the schemas and running the serialiser's Transformer for each was about a
     * tenth of an issuance's CPU. The values are escaped for XML text, as the serialiser would.
     */
    static final class XmpTemplate {

        private static final String TITLE = "PRAMAANXMPTITLE";
        private static final String SUBJECT = "PRAMAANXMPSUBJECT";
        private static final String AUTHOR = "PRAMAANXMPAUTHOR";
        private static final String CREATOR = "PRAMAANXMPCREATOR";
        private static final String PRODUCER = "PRAMAANXMPPRODUCER";
        /** An instant no certificate carries, so its ISO 8601 form marks where the dates go. */
        private static final Calendar MARKER_DATE = markerDate();

        private final String[] parts;
        private final String[] slots;

        XmpTemplate() {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            try {
                PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
                id.setPart(3);
                id.setConformance("B");
                DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
                dc.setTitle(TITLE);
                dc.setDescription(SUBJECT);
                dc.addCreator(AUTHOR);
                dc.setFormat("application/pdf");
                XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
                basic.setCreatorTool(CREATOR);
                basic.setCreateDate(MARKER_DATE);
                basic.setModifyDate(MARKER_DATE);
                basic.setMetadataDate(MARKER_DATE);
                AdobePDFSchema adobe = xmp.createAndAddAdobePDFSchema();
                adobe.setProducer(PRODUCER);
            } catch (BadFieldValueException e) {
                throw new IllegalStateException("the PDF/A identification is constant and valid", e);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
            try {
                new XmpSerializer().serialize(xmp, out, true);
            } catch (javax.xml.transform.TransformerException e) {
                throw new IllegalStateException("cannot write the XMP metadata", e);
            }
            String packet = out.toString(StandardCharsets.UTF_8);
            String date = DateConverter.toISO8601(MARKER_DATE);
            // Split the packet at every marker, in the order they occur.
            List<String> texts = new ArrayList<>();
            List<String> markers = new ArrayList<>();
            List<String> all = List.of(TITLE, SUBJECT, AUTHOR, CREATOR, PRODUCER, date);
            int from = 0;
            while (true) {
                int next = -1;
                String found = null;
                for (String marker : all) {
                    int at = packet.indexOf(marker, from);
                    if (at >= 0 && (next < 0 || at < next)) {
                        next = at;
                        found = marker;
                    }
                }
                if (found == null) {
                    break;
                }
                texts.add(packet.substring(from, next));
                markers.add(found.equals(date) ? "DATE" : found);
                from = next + found.length();
            }
            texts.add(packet.substring(from));
            if (markers.size() != 8) {
                throw new IllegalStateException("the XMP packet has " + markers.size() + " values where 8 were set");
            }
            this.parts = texts.toArray(String[]::new);
            this.slots = markers.toArray(String[]::new);
        }

        /** The packet for a document with {@code info}'s title, subject, author, creator, producer and creation date. */
        byte[] fill(PDDocumentInformation info) {
            String date = DateConverter.toISO8601(info.getCreationDate());
            StringBuilder xmp = new StringBuilder(parts.length * 128);
            for (int i = 0; i < slots.length; i++) {
                xmp.append(parts[i]);
                switch (slots[i]) {
                    case TITLE -> escape(info.getTitle(), xmp);
                    case SUBJECT -> escape(info.getSubject(), xmp);
                    case AUTHOR -> escape(info.getAuthor(), xmp);
                    case CREATOR -> escape(info.getCreator(), xmp);
                    case PRODUCER -> escape(info.getProducer(), xmp);
                    default -> xmp.append(date);
                }
            }
            xmp.append(parts[slots.length]);
            return xmp.toString().getBytes(StandardCharsets.UTF_8);
        }

        private static void escape(String text, StringBuilder out) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    default -> {
                        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                            throw new IllegalArgumentException("a control character cannot go into XMP text");
                        }
                        out.append(c);
                    }
                }
            }
        }

        private static Calendar markerDate() {
            Calendar marker = new java.util.GregorianCalendar(java.util.TimeZone.getTimeZone("UTC"));
            marker.clear();
            marker.set(1901, Calendar.FEBRUARY, 3, 4, 5, 6);
            return marker;
        }
    }
}
