package org.pramaan.issuer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.xml.DomXmpParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.issuer.pdf.CertificateDocument.Bilingual;

/**
 * The XMP packet is made once and filled per certificate ({@link ArchivalProfile.XmpTemplate}): each PDF's packet
 * says what its own information dictionary says (title, department, date), never another certificate's, and XML
 * characters in a department's name are escaped, so the packet still parses.
 */
class ArchivalMetadataTest {

    static CertificatePdfRenderer renderer;
    static TestCertificates samples;

    @BeforeAll
    static void fonts() {
        renderer = new CertificatePdfRenderer(CertificateFonts.discover());
        samples = new TestCertificates();
    }

    @Test
    void eachCertificatesPacketCarriesItsOwnTitleDepartmentAndDate() throws Exception {
        CertificateDocument telugu = samples.telugu();
        CertificateDocument other = otherDepartment(samples.hindi(), "Roads & Buildings <Works> \"R&B\"",
                LocalDate.of(2024, 11, 30));
        // Rendered in turn, twice, so nothing the first leaves behind can show up in the second.
        for (int round = 0; round < 2; round++) {
            for (CertificateDocument document : List.of(telugu, other)) {
                byte[] pdf = renderer.render(document);
                try (PDDocument loaded = Loader.loadPDF(pdf)) {
                    PDDocumentInformation info = loaded.getDocumentInformation();
                    byte[] packet = loaded.getDocumentCatalog().getMetadata().toByteArray();
                    XMPMetadata xmp = new DomXmpParser().parse(new ByteArrayInputStream(packet));
                    assertThat(xmp.getDublinCoreSchema().getTitle()).isEqualTo(info.getTitle())
                            .isEqualTo(document.title().english() + " " + document.certificateId());
                    assertThat(xmp.getDublinCoreSchema().getDescription()).isEqualTo(document.department().english());
                    assertThat(xmp.getDublinCoreSchema().getCreators()).containsExactly(document.department().english());
                    assertThat(xmp.getXMPBasicSchema().getCreateDate().toInstant())
                            .isEqualTo(info.getCreationDate().toInstant());
                    assertThat(xmp.getXMPBasicSchema().getModifyDate().toInstant())
                            .isEqualTo(info.getModificationDate().toInstant());
                    assertThat(xmp.getXMPBasicSchema().getCreatorTool()).isEqualTo(info.getCreator());
                    assertThat(xmp.getAdobePDFSchema().getProducer()).isEqualTo(info.getProducer());
                    assertThat(xmp.getPDFAIdentificationSchema().getPart()).isEqualTo(3);
                    assertThat(xmp.getPDFAIdentificationSchema().getConformance()).isEqualTo("B");
                    String text = new String(packet, java.nio.charset.StandardCharsets.UTF_8);
                    CertificateDocument notThis = document == telugu ? other : telugu;
                    assertThat(text).doesNotContain(notThis.certificateId()).doesNotContain("PRAMAANXMP");
                }
            }
        }
    }

    private static CertificateDocument otherDepartment(CertificateDocument d, String department, LocalDate issuedOn) {
        return new CertificateDocument(d.language(), new Bilingual(department, d.department().local()), d.title(),
                d.holderName(), d.fields(), d.certificateId(), issuedOn, d.validUntil(), d.qrText(), d.credential(),
                d.holderLatin(), d.signatory());
    }
}
