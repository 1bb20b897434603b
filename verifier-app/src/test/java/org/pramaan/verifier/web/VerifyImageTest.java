package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.SignedCredential;
import org.pramaan.verifier.support.CertificateImages;
import org.pramaan.verifier.support.PhotoDistortions;
import org.pramaan.verifier.support.VerifierIntegrationTest;
import tools.jackson.databind.JsonNode;

class VerifyImageTest extends VerifierIntegrationTest {

    @Test
    void aPhotoOfThePrintedCertificateVerifies() throws Exception {
        SignedCredential credential = revenue().issue("Photo Holder");
        byte[] photo = CertificateImages.encode(PhotoDistortions.jpeg(PhotoDistortions.rotate(
                CertificateImages.printedPage(revenue().url(credential)), 10), 0.5f), "jpeg");

        JsonNode answer = JSON.readTree(upload("photo.jpg", "image/jpeg", photo).body());

        assertThat(answer.path("status").asString()).isEqualTo("VALID");
        assertThat(answer.path("certificate").path("holderName").asString()).isEqualTo("Photo Holder");
    }

    @Test
    void aPdfIsReadFromItsEmbeddedCredential() throws Exception {
        SignedCredential credential = revenue().issue("Embedded Holder");
        // The page shows a different QR: the embedded credential must be the one that is used.
        byte[] pdf = CertificateImages.pdf("NOT THE CREDENTIAL", credential.cose().encode());

        JsonNode answer = JSON.readTree(upload("certificate.pdf", "application/pdf", pdf).body());

        assertThat(answer.path("status").asString()).isEqualTo("VALID");
        assertThat(answer.path("certificate").path("holderName").asString()).isEqualTo("Embedded Holder");
        assertThat(answer.path("pdfSignature").path("status").asString()).isEqualTo("NOT_SIGNED");
    }

    @Test
    void aSignedPdfReportsItsSignatureBesideTheCredentialAndTheLedger() throws Exception {
        SignedCredential credential = revenue().issue("Signed Holder");
        byte[] pdf = org.pramaan.verifier.image.TestPdfSigning.sign(
                CertificateImages.pdf("NOT THE CREDENTIAL", credential.cose().encode()), revenue().signer());

        JsonNode answer = JSON.readTree(upload("certificate.pdf", "application/pdf", pdf).body());
        assertThat(answer.path("status").asString()).isEqualTo("VALID");
        assertThat(answer.path("ledger").isObject()).isTrue();
        assertThat(answer.path("pdfSignature").path("status").asString()).isEqualTo("VALID");
        assertThat(answer.path("pdfSignature").path("department").asString()).isEqualTo("REV");
        assertThat(answer.path("pdfSignature").path("matchesCredential").asBoolean()).isTrue();

        byte[] appended = java.util.Arrays.copyOf(pdf, pdf.length + 12);
        System.arraycopy("\n% appended\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, appended, pdf.length, 12);
        JsonNode changed = JSON.readTree(upload("certificate.pdf", "application/pdf", appended).body());
        assertThat(changed.path("pdfSignature").path("status").asString()).isEqualTo("CHANGED_AFTER_SIGNING");
    }

    @Test
    void aPdfWithoutAnEmbeddedCredentialIsReadFromItsRenderedQr() throws Exception {
        SignedCredential credential = revenue().issue("Rendered Holder");
        byte[] pdf = CertificateImages.pdf(revenue().url(credential), null);

        JsonNode answer = JSON.readTree(upload("certificate.pdf", "application/pdf", pdf).body());

        assertThat(answer.path("status").asString()).isEqualTo("VALID");
    }

    @Test
    void anImageWithoutAQrCodeIsMalformedWithAMessage() throws Exception {
        byte[] blank = CertificateImages.png(new java.awt.image.BufferedImage(300, 200, java.awt.image.BufferedImage.TYPE_INT_RGB));

        JsonNode answer = JSON.readTree(upload("blank.png", "image/png", blank).body());

        assertThat(answer.path("status").asString()).isEqualTo("MALFORMED");
        assertThat(answer.path("message").asString()).contains("No QR code");
    }

    @Test
    void aFileThatIsNoImageIsABadRequest() throws Exception {
        HttpResponse<String> response = upload("notes.txt", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("not a PNG, JPEG or PDF");
    }

    @Test
    void aRequestWithoutAFileIsABadRequest() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/verify/image"))
                .header("X-Api-Key", clientKey())
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b--\r\n")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void anOversizedUploadIsRefusedBeforeItIsRead() throws Exception {
        byte[] huge = new byte[9 * 1024 * 1024];

        HttpResponse<String> response = upload("huge.png", "image/png", huge);

        assertThat(response.statusCode()).isEqualTo(413);
    }

    private HttpResponse<String> upload(String name, String type, byte[] content) throws IOException, InterruptedException {
        String boundary = "pramaan" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(uri("/api/v1/verify/image"))
                .header("X-Api-Key", clientKey())
                .header("Accept-Language", "en")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }
}
