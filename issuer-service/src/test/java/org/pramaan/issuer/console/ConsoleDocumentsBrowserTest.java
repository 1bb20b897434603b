package org.pramaan.issuer.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pramaan.issuer.document.SampleFiles;
import org.pramaan.issuer.support.ApiClient.Answer;
import org.pramaan.issuer.support.HeadlessConsoleBrowser;
import org.pramaan.issuer.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The officer sees an application's supporting documents in the console, in its language, opens a photo, and cannot
 * approve an application that lacks a required document (the page says why instead of offering the button).
 */
class ConsoleDocumentsBrowserTest extends IntegrationTest {

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = HeadlessConsoleBrowser.start();
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theOfficerSeesAndOpensTheDocumentsAndCannotApproveWithoutARequiredOne() {
        byte[] photo = SampleFiles.png();
        Answer uploaded = bridge().postBytes("/api/v1/applications/documents?serviceCode=REV-CASTE&document=caste",
                photo, "image/png");
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode u = uploaded.json();
        String withDocument = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-CASTE",
                "language", "te", "phoneNumber", "9" + String.format("%09d",
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L)),
                "fields", Map.of("nm", "Console Tester", "vi", "Guntur"),
                "documents", List.of(Map.of("document", "caste", "sha256", u.get("sha256").asString(),
                        "size", u.get("size").asLong(), "mimeType", "image/png")))).json().get("id").asString();
        String without = bridge().post("/api/v1/applications", Map.of("serviceCode", "REV-CASTE",
                "language", "te", "phoneNumber", "9" + String.format("%09d",
                        java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000_000L)),
                "fields", Map.of("nm", "Console Tester", "vi", "Guntur"))).json().get("id").asString();

        WebDriverWait wait = signIn("te");
        browser.get(url("/console/applications/" + withDocument));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve")));
        WebElement row = browser.findElement(By.cssSelector("#documents tr.document"));
        assertThat(row.getText()).contains("తల్లిదండ్రుల కుల ధృవీకరణ పత్రం").contains("ఫోటో").contains("KB");
        assertThat(browser.findElements(By.id("missing-documents"))).isEmpty();
        WebElement open = row.findElement(By.cssSelector("a.open"));
        assertThat(open.getText()).isEqualTo("చూడండి");
        open.click();
        wait.until(ExpectedConditions.urlContains("/documents/caste"));
        assertThat(browser.findElements(By.tagName("img"))).as("the photo is shown").hasSize(1);

        browser.get(url("/console/applications/" + without));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("missing-documents")));
        assertThat(browser.findElement(By.id("missing-documents")).getText())
                .contains("తల్లిదండ్రుల కుల ధృవీకరణ పత్రం");
        assertThat(browser.findElements(By.id("approve"))).as("no approve button without the document").isEmpty();
        assertThat(browser.findElements(By.id("reject"))).hasSize(1);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private WebDriverWait signIn(String lang) {
        Map<String, String> env = devEnv();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        browser.get(url("/console/login?lang=" + lang));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(env.get("ISSUER_OFFICER_REV_USER"));
        browser.findElement(By.id("password")).sendKeys(env.get("ISSUER_OFFICER_REV_PASSWORD"));
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("nav-dashboard")));
        return wait;
    }
}
