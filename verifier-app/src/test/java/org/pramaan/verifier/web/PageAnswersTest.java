package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.SignedCredential;
import org.pramaan.verifier.support.CertificateImages;
import org.pramaan.verifier.support.VerifierIntegrationTest;

/**
 * What a person reading the pages is told: an unreadable photo is not called a forgery, a revoked
 * certificate's reason is words in the page's language, and errors (a missing page, the rate
 * limit) are pages in that language for a browser while API clients keep their JSON.
 */
class PageAnswersTest extends VerifierIntegrationTest {

    @Test
    void anUnreadablePhotoAsksForABetterPhotoAndIsNotCalledForged() throws Exception {
        byte[] blank = CertificateImages.encode(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png");

        HttpResponse<String> english = uploadFile("/check?lang=en", "blank.png", "image/png", blank, null, Duration.ofSeconds(30));
        HttpResponse<String> telugu = uploadFile("/check?lang=te", "blank.png", "image/png", blank, null, Duration.ofSeconds(30));
        HttpResponse<String> hindi = uploadFile("/check?lang=hi", "blank.png", "image/png", blank, null, Duration.ofSeconds(30));

        assertThat(english.body()).contains("No QR code read", "in good light", "class=\"verdict warn\"")
                .doesNotContain("Not a certificate", "verdict bad");
        assertThat(telugu.body()).contains("QR కోడ్ చదవలేకపోయాం", "నకిలీ అని కాదు").doesNotContain("ధృవీకరణ పత్రం కాదు");
        assertThat(hindi.body()).contains("QR कोड नहीं पढ़ा जा सका", "नकली है").doesNotContain("प्रमाणपत्र नहीं<");
    }

    @Test
    void aForeignQrIsStillRed() throws Exception {
        byte[] photo = CertificateImages.encode(CertificateImages.printedPage("HTTPS://EXAMPLE.COM/NOT-OURS"), "png");

        HttpResponse<String> page = uploadFile("/check?lang=en", "other.png", "image/png", photo, null, Duration.ofSeconds(30));

        assertThat(page.body()).contains("data-status=\"MALFORMED\"", "Not a certificate", "verdict bad");
    }

    @Test
    void aRevokedCertificatesReasonIsWordsInThePagesLanguage() throws Exception {
        SignedCredential credential = revenue().issue("Revoked Holder");
        revenue().revoke(credential);
        // A first check is answered from the verifier's copy of the ledger: the revocation shows once its event has
        // reached it (as it reaches the offline bundle), within the event latency.
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                page("/C/" + credential.payload() + "?lang=en", "text/html", null).body().contains("data-status=\"REVOKED\""));

        String telugu = page("/C/" + credential.payload() + "?lang=te", "text/html", null).body();
        String hindi = page("/C/" + credential.payload() + "?lang=hi", "text/html", null).body();
        String english = page("/C/" + credential.payload() + "?lang=en", "text/html", null).body();

        assertThat(telugu).contains("data-status=\"REVOKED\"", "పొరపాటున జారీ చేయబడింది").doesNotContain("ISSUED_IN_ERROR");
        assertThat(hindi).contains("गलती से जारी किया गया").doesNotContain("ISSUED_IN_ERROR");
        assertThat(english).contains("Issued in error").doesNotContain("ISSUED_IN_ERROR");
    }

    @Test
    void aMissingPageIsAPageForABrowserAndJsonForAnApiClient() throws Exception {
        HttpResponse<String> browser = page("/no/such/page?lang=te", "text/html,application/xhtml+xml,*/*;q=0.8", null);
        HttpResponse<String> client = page("/api/v1/no-such-thing", "application/json", null);

        assertThat(browser.statusCode()).isEqualTo(404);
        assertThat(browser.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(browser.body()).contains("lang=\"te\"", "పేజీ కనబడలేదు", "href=\"/?lang=te\"").doesNotContain("Whitelabel");
        assertThat(client.statusCode()).isEqualTo(404);
        assertThat(client.headers().firstValue("Content-Type").orElse("")).contains("json");
    }

    @Test
    void anUploadWithACredentialIsSentToItsOwnResultPage() throws Exception {
        SignedCredential credential = revenue().issue("Redirected Holder");
        byte[] photo = CertificateImages.encode(CertificateImages.printedPage(revenue().url(credential)), "png");

        HttpResponse<String> answer = uploadFile("/check?lang=te", "photo.png", "image/png", photo, null, Duration.ofSeconds(30));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElse(""))
                .endsWith("/C/" + credential.payload() + "?lang=te");
    }

    @Test
    void reloadingTheUploadsAddressLeadsToTheStartPage() throws Exception {
        HttpResponse<String> reload = page("/check?lang=hi", "text/html", null);

        assertThat(reload.statusCode()).isEqualTo(302);
        assertThat(reload.headers().firstValue("Location").orElse("")).endsWith("/?lang=hi");
    }

    @Test
    void theRateLimitAnswersABrowserWithAPageInItsLanguageAndAnApiClientWithJson() throws Exception {
        // From 127.0.0.13 and .14 (other tests use .1 to .4): no other test's allowance is spent.
        String browser = "";
        for (int i = 0; i < 260 && !browser.startsWith("HTTP/1.1 429"); i++) {
            browser = rawGet("127.0.0.13", "/?lang=hi", "text/html,application/xhtml+xml,*/*;q=0.8");
        }
        String client = "";
        for (int i = 0; i < 260 && !client.startsWith("HTTP/1.1 429"); i++) {
            client = rawGet("127.0.0.14", "/C/NOTACREDENTIAL", "application/json");
        }

        assertThat(browser).startsWith("HTTP/1.1 429").containsIgnoringCase("retry-after:")
                .containsIgnoringCase("content-type: text/html").contains("lang=\"hi\"", "बहुत अधिक जाँचें");
        assertThat(client).startsWith("HTTP/1.1 429").containsIgnoringCase("content-type: application/problem+json")
                .contains("too many requests");
    }

    private HttpResponse<String> page(String path, String accept, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", accept).GET();
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The whole answer, head and body, to a GET from a chosen loopback address. */
    private String rawGet(String localAddress, String path, String accept) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept
                    + "\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }
}
