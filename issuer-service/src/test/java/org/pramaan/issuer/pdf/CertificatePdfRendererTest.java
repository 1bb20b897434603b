package org.pramaan.issuer.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pramaan.credential.cli.SampleCertificate;
import org.pramaan.credential.qr.QrImageReader;

/**
 * Renders real certificates with the system's Noto fonts and reads them back as a PDF reader, a
 * verifier and a phone camera would.
 */
class CertificatePdfRendererTest {

    private static final int MAX_BYTES = 150 * 1024;
    /** Where the page images go, to be looked at: target/certificate-previews/te.png and so on. */
    private static final Path PREVIEWS = Path.of("target", "certificate-previews");

    private static CertificatePdfRenderer renderer;
    private static TestCertificates certificates;

    @BeforeAll
    static void renderer() {
        renderer = new CertificatePdfRenderer(CertificateFonts.discover());
        certificates = new TestCertificates();
    }

    static Stream<Arguments> certificates() {
        TestCertificates samples = new TestCertificates();
        return Stream.of(Arguments.of("te", samples.telugu()), Arguments.of("hi", samples.hindi()),
                Arguments.of("en", samples.english()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void staysUnderTheSizeLimit(String language, CertificateDocument document) {
        byte[] pdf = renderer.render(document);

        assertThat(pdf.length).as("%s certificate bytes", language).isLessThan(MAX_BYTES);
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void embedsEveryFontAsASubset(String language, CertificateDocument document) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(document))) {
            Map<String, PDFont> fonts = PdfInspection.fonts(pdf);

            assertThat(fonts).isNotEmpty();
            for (PDFont font : fonts.values()) {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.getName()).matches("[A-Z]{6}\\+Noto.*");
                PDCIDFontType2 descendant = (PDCIDFontType2) ((PDType0Font) font).getDescendantFont();
                assertThat(descendant.getFontDescriptor().getFontFile2()).as("%s FontFile2", font.getName()).isNotNull();
                assertThat(font.isEmbedded()).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void extractsTheCertifiedTextExactly(String language, CertificateDocument document) throws IOException {
        String text = PdfInspection.text(renderer.render(document));

        // Long values wrap: a line break in the extracted text stands where a space was.
        assertThat(words(text)).contains(document.holderName(), document.certificateId(), document.title().english(),
                document.title().local(), document.department().local());
        document.fields().forEach(field -> assertThat(words(text)).contains(field.value(), field.label().english(),
                field.label().local()));
    }

    @Test
    void extractsTeluguConjunctsAndHindiConjunctsAsWritten() throws IOException {
        String telugu = PdfInspection.text(renderer.render(certificates.telugu()));
        String hindi = PdfInspection.text(renderer.render(certificates.hindi()));

        assertThat(words(telugu)).contains("కొండపల్లి వెంకట లక్ష్మీ సత్యనారాయణమూర్తి", "12-3-45, గాంధీ నగర్, విజయవాడ",
                "14-03-2025", "14-03-2026", Labels.TELUGU.scanToVerify());
        assertThat(words(hindi)).contains("क्षत्रिय", "श्री रामकृष्ण द्विवेदी", "श्रीनिवास क्षत्रिय", Labels.HINDI.doesNotExpire(),
                Labels.ENGLISH.doesNotExpire(), Labels.HINDI.scanToVerify());
    }

    /** Issue 13 item 9: what a paper certificate carries, on every language's certificate. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void carriesTheOfficerTheSignatureDateAndTheNameInEnglishLetters(String language, CertificateDocument document)
            throws IOException {
        String text = words(PdfInspection.text(renderer.render(document)));

        assertThat(text).contains(Labels.ENGLISH.issuingOfficer(), "Kondapalli Srinivasa Rao, Tahsildar, Vijayawada Rural",
                "Digitally signed by Revenue Department on 14-03-2025");
        // Every certificate is bilingual: English applicants get Telugu headings.
        Labels local = Labels.of(document.headingLanguage());
        assertThat(text).contains(local.holder(), local.issuingOfficer(), document.department().local());
        if (document.holderLatin() != null) {
            assertThat(text).contains(document.holderLatin());
        }
    }

    @Test
    void anEnglishApplicantsCertificateHasTeluguHeadings() throws IOException {
        String text = words(PdfInspection.text(renderer.render(certificates.english())));

        assertThat(text).contains("Anjali Reddy", "నివాస ధృవీకరణ పత్రం", "రెవెన్యూ శాఖ", Labels.TELUGU.holder(),
                Labels.TELUGU.certificateId(), Labels.TELUGU.scanToVerify());
    }

    @Test
    void printsTheHoldersNameInEnglishLettersBesideTeluguAndHindi() throws IOException {
        assertThat(words(PdfInspection.text(renderer.render(certificates.telugu()))))
                .contains("కొండపల్లి వెంకట లక్ష్మీ సత్యనారాయణమూర్తి", "Kondapalli Venkata Lakshmi Satyanarayanamurti");
        assertThat(words(PdfInspection.text(renderer.render(certificates.hindi()))))
                .contains("श्रीनिवास क्षत्रिय", "Shrinivas Kshatriya");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void carriesTheCredentialAsAnEmbeddedFile(String language, CertificateDocument document) throws IOException {
        byte[] pdf = renderer.render(document);

        assertThat(CertificatePdf.embeddedCredential(pdf)).hasValueSatisfying(
                cose -> assertThat(cose).isEqualTo(document.credential()));
    }

    @Test
    void findsNoCredentialInAPdfWithoutOne() throws IOException {
        try (PDDocument blank = new PDDocument()) {
            blank.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var out = new java.io.ByteArrayOutputStream();
            blank.save(out);

            assertThat(CertificatePdf.embeddedCredential(out.toByteArray())).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("certificates")
    void printsAQrCodeACameraReadsBackFromThePageImage(String language, CertificateDocument document) throws IOException {
        byte[] pdf = renderer.render(document);
        BufferedImage page = PdfInspection.image(pdf, 150);
        Files.createDirectories(PREVIEWS);
        ImageIO.write(page, "png", PREVIEWS.resolve(language + ".png").toFile());
        Files.write(PREVIEWS.resolve(language + ".pdf"), pdf);

        assertThat(QrImageReader.read(page)).contains(document.qrText());
    }

    @Test
    void rendersTheSampleCredentialsHolderName() throws IOException {
        CertificateDocument telugu = certificates.telugu();

        assertThat(telugu.holderName()).isEqualTo(SampleCertificate.HOLDER_NAME);
        assertThat(PdfInspection.text(renderer.render(telugu))).contains(SampleCertificate.HOLDER_NAME);
    }

    private static String words(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
