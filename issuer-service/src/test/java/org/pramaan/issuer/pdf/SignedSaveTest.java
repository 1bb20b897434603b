package org.pramaan.issuer.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signature written in the same save as the certificate (the CMS here is a stand-in: pdfsig, DSS and veraPDF
 * check real ones in {@code seal.PadesSignerTest}, {@code PadesDssTest}, {@code ArchivalPdfTest}): the byte range is
 * the whole file but the signature value, the CMS is given exactly those bytes and lands in the value, and a CMS
 * larger than the room reserved is refused rather than cut.
 */
class SignedSaveTest {

    private static CertificatePdfRenderer renderer;
    private static CertificateDocument telugu;

    @BeforeAll
    static void renderer() {
        renderer = new CertificatePdfRenderer(CertificateFonts.discover());
        telugu = new TestCertificates().telugu();
    }

    @Test
    void theByteRangeIsTheWholeFileButTheValueAndTheCmsSignsExactlyThoseBytes() throws Exception {
        AtomicReference<byte[]> given = new AtomicReference<>();
        byte[] cms = "a stand-in for the CMS".getBytes(StandardCharsets.US_ASCII);
        byte[] pdf = renderer.render(telugu, new PdfSignature("Revenue Department", "Issued", "Amaravati",
                Instant.parse("2026-12-05T00:00:00Z"), 4096, content -> {
                    given.set(content.readAllBytes());
                    return cms;
                }));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getLastSignatureDictionary();
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).isEqualTo(pdf.length);
            assertThat(range[2] - range[1]).as("the value: 4096 bytes as hex, with its < >").isEqualTo(2 * 4096 + 2);
            assertThat(pdf[range[1]]).isEqualTo((byte) '<');
            assertThat(pdf[range[2] - 1]).isEqualTo((byte) '>');
            byte[] covered = new byte[range[1] + range[3]];
            System.arraycopy(pdf, 0, covered, 0, range[1]);
            System.arraycopy(pdf, range[2], covered, range[1], range[3]);
            assertThat(given.get()).isEqualTo(covered);
            assertThat(signature.getSignedContent(pdf)).isEqualTo(covered);
            assertThat(Arrays.copyOf(signature.getContents(), cms.length)).isEqualTo(cms);
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(signature.getName()).isEqualTo("Revenue Department");
            assertThat(signature.getSignDate().toInstant()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
            assertThat(document.getDocumentCatalog().getAcroForm().isAppendOnly()).isTrue();
        }
    }

    @Test
    void aCmsLargerThanTheRoomReservedIsRefused() {
        byte[] tooLarge = new byte[2049];
        assertThatThrownBy(() -> renderer.render(telugu, new PdfSignature("Revenue Department", "Issued", null,
                Instant.now(), 2048, content -> tooLarge)))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("2049 bytes").hasMessageContaining("2048 bytes reserved");
    }

    /**
     * The placeholders are found by searching the saved file, so a text that repeats one (here the signer's name and
     * the reason, written in the signature dictionary as they are) must stop the save, not move the signature.
     */
    @Test
    void aPlaceholderFoundTwiceIsRefusedNotGuessed() {
        String byteRange = "/ByteRange [0 1000000000 1000000000 1000000000]";
        assertThatThrownBy(() -> renderer.render(telugu, new PdfSignature(byteRange, "Issued", null,
                Instant.now(), 2048, content -> new byte[16])))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("expected " + byteRange + " once").hasMessageContaining("more than once");
        assertThatThrownBy(() -> renderer.render(telugu, new PdfSignature("Revenue Department", "/Contents <00>", null,
                Instant.now(), 2048, content -> new byte[16])))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("expected /Contents < once").hasMessageContaining("more than once");
    }
}
