package org.pramaan.credential.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.decoder.Mode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.credential.SignedCredential;
import org.pramaan.credential.TestKeys;
import org.pramaan.credential.cli.SampleCertificate;
import org.xml.sax.InputSource;

class QrCodeTest {

    private static final String VERIFIER = "https://verify.pramaan.ap.gov.in";

    private static SignedCredential sampleIncomeCertificate() {
        return new CredentialSigner(TestKeys.REV_SIGNER).sign(SampleCertificate.incomeCertificate(Instant.parse("2026-03-10T09:30:00Z")));
    }

    @RepeatedTest(20) // fresh id and signature each time: their random bytes do not compress
    void aTypicalTeluguIncomeCertificateFitsVersion15AtLevelM() {
        assertThat(SampleCertificate.HOLDER_NAME.codePointCount(0, SampleCertificate.HOLDER_NAME.length())).isEqualTo(40);
        SignedCredential credential = sampleIncomeCertificate();
        assertThat(credential.claims().body().fields()).containsKeys("fn", "ad", "ai", "pu");

        QrCode qr = QrCode.encode(credential.url(VERIFIER));

        assertThat(qr.errorCorrection()).isEqualTo(ErrorCorrectionLevel.M);
        assertThat(qr.mode()).isEqualTo(Mode.ALPHANUMERIC);
        assertThat(qr.version()).isLessThanOrEqualTo(15);
    }

    @Test
    void thePngReadsBackToTheSameText() throws Exception {
        String url = sampleIncomeCertificate().url(VERIFIER);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.encode(url).png(4)));

        assertThat(QrImageReader.read(image)).contains(url);
    }

    @Test
    void everyFreshCredentialReadsBackFromItsPng() throws Exception {
        // ZXing's detector alone misses about one symbol in twenty; the reader must not.
        for (int i = 0; i < 100; i++) {
            String url = sampleIncomeCertificate().url(VERIFIER);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(QrCode.encode(url).png(4)));
            assertThat(QrImageReader.read(image)).as("credential %d", i).contains(url);
        }
    }

    @Test
    void theSvgIsWellFormedWithOneSquarePerModuleSide() throws Exception {
        QrCode qr = QrCode.encode(sampleIncomeCertificate().url(VERIFIER));
        String svg = qr.svg();

        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
        int side = qr.size() + 2 * QrCode.QUIET_ZONE;

        assertThat(document.getDocumentElement().getAttribute("viewBox")).isEqualTo("0 0 " + side + " " + side);
        assertThat(document.getElementsByTagName("path").getLength()).isEqualTo(1);
    }

    @Test
    void anImageWithoutAQrCodeReadsAsNothing() {
        BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        assertThat(QrImageReader.read(blank)).isEmpty();
    }
}
