package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pramaan.credential.SignedCredential;
import org.pramaan.verifier.support.VerifierIntegrationTest;

class ResultPageTest extends VerifierIntegrationTest {

    private static final Pattern EXTERNAL = Pattern.compile("(src|href|action)=\"(https?:)?//", Pattern.CASE_INSENSITIVE);

    @Test
    void theResultPageIsSmallSelfContainedAndInTheBrowsersLanguage() throws Exception {
        SignedCredential credential = revenue().issue("Page Holder");

        HttpResponse<String> page = get("/C/" + credential.payload(), "te-IN,te;q=0.9");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"VALID\"", "నిజమైనది", "Page Holder", "lang=\"te\"");
        assertThat(page.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
        assertThat(EXTERNAL.matcher(page.body()).find()).as("no request leaves this origin").isFalse();
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'self'");
    }

    @Test
    void theCredentialPathWorksInAnyLetterCaseAndTheLanguageCanBeChosen() throws Exception {
        SignedCredential credential = revenue().issue("Case Holder");

        HttpResponse<String> page = get("/c/" + credential.payload().toLowerCase(Locale.ROOT) + "?lang=hi", "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"VALID\"", "असली", "lang=\"hi\"");
    }

    @Test
    void garbageInTheUrlIsAPageThatSaysSo() throws Exception {
        HttpResponse<String> page = get("/C/THIS-IS-NOT-A-CREDENTIAL", "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-status=\"MALFORMED\"", "Not a certificate");
    }

    @Test
    void theStartPageHasTheScannerAndALabelledUpload() throws Exception {
        HttpResponse<String> page = get("/", "en");

        assertThat(page.body()).contains("id=\"scan\"", "<label for=\"file\"", "/scan.js");
        assertThat(get("/vendor/jsQR.js", "en").statusCode()).as("the QR decoder is served from this origin").isEqualTo(200);
        assertThat(EXTERNAL.matcher(page.body()).find()).isFalse();
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).header("Accept-Language", language)
                .header("X-Api-Key", clientKey()).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
