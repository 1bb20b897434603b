package org.pramaan.verifier.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pramaan.verifier.support.PhotoDistortions.blur;
import static org.pramaan.verifier.support.PhotoDistortions.dim;
import static org.pramaan.verifier.support.PhotoDistortions.jpeg;
import static org.pramaan.verifier.support.PhotoDistortions.noise;
import static org.pramaan.verifier.support.PhotoDistortions.perspective;
import static org.pramaan.verifier.support.PhotoDistortions.rotate;
import static org.pramaan.verifier.support.PhotoDistortions.scale;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.CertificateBody;
import org.pramaan.credential.CertificateClaims;
import org.pramaan.contract.id.CertificateId;
import org.pramaan.credential.CredentialSigner;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.credential.Language;
import org.pramaan.credential.keys.DevelopmentPki;
import org.pramaan.verifier.support.CertificateImages;

/**
 * Photos of our own printed certificate as people take them: every one must decode to exactly the
 * QR text on the certificate. The images are written to target/photo-set for a look.
 */
class PhotoDecodingTest {

    private static String qrText;
    private static BufferedImage page;

    @BeforeAll
    static void printCertificate() throws Exception {
        Clock clock = Clock.systemUTC();
        DepartmentCode rev = DepartmentCode.of("REV");
        DevelopmentPki pki = DevelopmentPki.open(Path.of("target/photo-keys"), List.of(rev), clock);
        Instant now = clock.instant();
        CertificateClaims claims = new CertificateClaims(rev, CertificateId.generate(rev, "INC", Year.now(clock)),
                now, now.plus(Duration.ofDays(365)), new CertificateBody("INC", "Lakshmi Devi Kondapalli",
                Map.of("fn", "Venkata Rao", "ai", "96000", "yr", "2025-26", "vl", "Gudivada"), Language.TE));
        qrText = new CredentialSigner(pki.signer(rev)).sign(claims).url("https://verify.ap.gov.in");
        page = CertificateImages.printedPage(qrText);
    }

    static Map<String, UnaryOperator<BufferedImage>> photos() {
        Map<String, UnaryOperator<BufferedImage>> photos = new LinkedHashMap<>();
        photos.put("as-printed", i -> i);
        photos.put("rotated-7", i -> rotate(i, 7));
        photos.put("rotated-33", i -> rotate(i, 33));
        photos.put("rotated-90", i -> rotate(i, 90));
        photos.put("upside-down", i -> rotate(i, 180));
        photos.put("angle-20pc", i -> perspective(i, 0.2));
        // A steep angle needs the pixels a phone has: the page photographed at about 8 megapixels.
        photos.put("angle-30pc-8mp", i -> perspective(scale(i, 2), 0.30));
        photos.put("blur-1", i -> blur(i, 1));
        photos.put("blur-2", i -> blur(i, 2));
        photos.put("jpeg-q30", i -> jpeg(i, 0.3f));
        photos.put("jpeg-q10", i -> jpeg(i, 0.1f));
        photos.put("noise-20", i -> noise(i, 20, 1));
        photos.put("noise-40", i -> noise(i, 40, 2));
        photos.put("dim-35pc", i -> dim(i, 0.35));
        photos.put("dim-20pc", i -> dim(i, 0.2));
        photos.put("small-phone", i -> scale(i, 0.6));
        photos.put("12mp-noisy", i -> noise(scale(i, 2.6), 25, 3));
        photos.put("angle-rotated-blurred", i -> blur(rotate(perspective(i, 0.25), 12), 1));
        photos.put("dim-noisy-jpeg", i -> jpeg(noise(dim(i, 0.3), 15, 4), 0.4f));
        photos.put("everything-8mp", i -> jpeg(noise(dim(blur(rotate(perspective(scale(i, 2), 0.2), -15), 2), 0.4), 12, 5), 0.5f));
        return photos;
    }

    @Test
    void everyPhotoOfTheCertificateDecodes() throws Exception {
        Path folder = Files.createDirectories(Path.of("target/photo-set"));
        Map<String, String> failures = new LinkedHashMap<>();
        for (Map.Entry<String, UnaryOperator<BufferedImage>> photo : photos().entrySet()) {
            BufferedImage image = photo.getValue().apply(page);
            ImageIO.write(image, "png", folder.resolve(photo.getKey() + ".png").toFile());
            String read = RobustQrReader.read(image).orElse("<nothing>");
            if (!read.equals(qrText)) {
                failures.put(photo.getKey(), read);
            }
        }
        assertThat(failures).as("photos that did not decode").isEmpty();
        assertThat(photos()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void aPhotoWithoutAQrCodeReadsAsNothing() {
        BufferedImage blank = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);

        assertThat(RobustQrReader.read(blank)).isEmpty();
    }
}
