package org.pramaan.issuer.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pramaan.issuer.pdf.CertificateFonts;
import org.pramaan.issuer.pdf.CertificatePdf;
import org.pramaan.issuer.pdf.CertificatePdfRenderer;
import org.pramaan.issuer.pdf.TestCertificates;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/**
 * The certificate PDF as issued (PDF/A-3b, then signed PAdES B-T) in Telugu, Hindi and English: veraPDF,
 * the PDF Association's reference validator, finds no failed PDF/A-3B rule; Poppler's {@code pdfsig} still
 * says the signature is valid and trusted; the credential is still read from the file; at most 150 KB.
 * DSS checks the same files in {@link PadesDssTest}.
 */
class ArchivalPdfTest {

    static final int MAX_BYTES = 150 * 1024;
    static ArchivalSamples samples;

    @BeforeAll
    static void sign() {
        VeraGreenfieldFoundryProvider.initialise();
        samples = new ArchivalSamples();
    }

    @ParameterizedTest
    @ValueSource(strings = {"te", "hi", "en"})
    void veraPdfFindsNoFailedPdfA3bRule(String language) throws Exception {
        byte[] pdf = samples.signed.get(language);
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B)) {
            assertThat(parser.getFlavour()).as("the flavour the file declares in its XMP").isEqualTo(PDFAFlavour.PDFA_3_B);
        }
        assertThat(failedRules(pdf)).as("failed PDF/A-3B rules").isEmpty();
    }

    /** The check can fail: the same certificate rendered without the archival profile breaks PDF/A-3B rules. */
    @org.junit.jupiter.api.Test
    void veraPdfFailsTheSameCertificateWithoutTheArchivalProfile() {
        byte[] plain = new CertificatePdfRenderer(CertificateFonts.discover(), false)
                .render(new TestCertificates().telugu());
        assertThat(failedRules(plain)).as("failed PDF/A-3B rules of a plain PDF")
                .anySatisfy(rule -> assertThat(rule).startsWith("6.6.2.1"))   // no XMP metadata
                .anySatisfy(rule -> assertThat(rule).startsWith("6.2.4.3"));  // DeviceRGB with no output intent
    }

    /** veraPDF's failed PDF/A-3B rules: clause, test number, message and where. */
    static List<String> failedRules(byte[] pdf) {
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failed = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + " " + a.getMessage()
                            + " at " + a.getLocation().getContext())
                    .distinct().toList();
            assertThat(result.isCompliant()).as("compliant, given failures %s", failed).isEqualTo(failed.isEmpty());
            return failed;
        } catch (Exception e) {
            throw new IllegalStateException("veraPDF could not validate the PDF", e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"te", "hi", "en"})
    void pdfsigStillSaysValidAndTrusted(String language, @TempDir Path folder) throws Exception {
        Path pdf = Files.write(folder.resolve(language + ".pdf"), samples.signed.get(language));
        Path nss = PadesValidators.nssDatabase(folder.resolve("nss"), samples.root.certificate());
        PadesValidators.PdfsigReport report = PadesValidators.pdfsig(pdf, nss);
        assertThat(report.exit()).as(report.output()).isZero();
        assertThat(report.output()).contains("Signature is Valid").contains("Certificate is Trusted")
                .contains("ETSI.CAdES.detached");
    }

    @ParameterizedTest
    @ValueSource(strings = {"te", "hi", "en"})
    void theCredentialIsAnAssociatedFileAndTheFileStaysSmall(String language) throws Exception {
        byte[] pdf = samples.signed.get(language);
        assertThat(pdf.length).as("bytes of the signed PDF/A").isLessThanOrEqualTo(MAX_BYTES);
        assertThat(CertificatePdf.embeddedCredential(pdf)).isPresent();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getVersion()).isEqualTo(1.7f);
            assertThat(document.getDocumentCatalog().getOutputIntents()).hasSize(1);
            assertThat(new String(document.getDocumentCatalog().getMetadata().toByteArray(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("pdfaid:part").contains("pdfaid:conformance");
        }
    }
}
