package org.pramaan.verifier.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.junit.jupiter.api.Test;
import org.pramaan.verifier.support.VerifierIntegrationTest;

/**
 * Finding 1: a 433-byte PDF with one 7,200 x 7,200 pt page took 114 s and 4.8 GB to render, a 3,600 pt
 * one 34 s. Pages are bounded before they are rendered, and rendering has a deadline.
 */
class PdfPageBoundsTest extends VerifierIntegrationTest {

    @Test
    void aHugePageIsRefusedBeforeItIsRendered() throws Exception {
        byte[] pdf = onePage(new PDRectangle(3600, 3600), null);
        assertThat(pdf.length).isLessThan(1024);

        HttpResponse<String> answer = uploadFile("/api/v1/verify/image", "page.pdf", "application/pdf", pdf, clientKey(),
                Duration.ofSeconds(20));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("3600").contains("pt");
    }

    @Test
    void theAttackersPageIsRefusedToo() throws Exception {
        HttpResponse<String> answer = uploadFile("/api/v1/verify/image", "page.pdf", "application/pdf",
                onePage(new PDRectangle(7200, 7200), null), clientKey(), Duration.ofSeconds(20));

        assertThat(answer.statusCode()).isEqualTo(422);
    }

    /** A small page whose content stream is millions of fills: cheap to send, dear to draw; the deadline stops it. */
    @Test
    void renderingStopsAtTheDeadline() throws Exception {
        ByteArrayOutputStream ops = new ByteArrayOutputStream();
        byte[] fill = "0.5 g 10 10 500 700 re f\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < 2_000_000; i++) {
            ops.write(fill);
        }
        byte[] pdf = onePage(PDRectangle.A4, ops.toByteArray());
        assertThat(pdf.length).isLessThan(1024 * 1024);

        HttpResponse<String> answer = uploadFile("/api/v1/verify/image", "slow.pdf", "application/pdf", pdf, clientKey(),
                Duration.ofSeconds(45));

        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("too long");
    }

    static byte[] onePage(PDRectangle box, byte[] content) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(box);
            if (content != null) {
                PDStream stream = new PDStream(document);
                try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
                    out.write(content);
                }
                page.setContents(stream);
            }
            document.addPage(page);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }
}
