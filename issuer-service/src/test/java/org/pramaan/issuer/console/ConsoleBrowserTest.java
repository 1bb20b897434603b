package org.pramaan.issuer.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pramaan.issuer.support.IntegrationTest;

/** An officer signs in with headless Chromium, opens the oldest application and approves it. */
class ConsoleBrowserTest extends IntegrationTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser test needs Debian's chromium and chromium-driver:"
                        + " apt-get install -y chromium chromium-driver")
                .isTrue();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void officerSignsInAndApprovesAnApplication() {
        String id = bridge().post("/api/v1/applications", Map.of("service", "REV-INCOME", "language", "te",
                "phoneNumber", "9876543210", "fields", Map.of("nm", "Browser Tester", "ai", "120000",
                        "ah", "2341 2341 2346", "pc", "522002"))).json().get("id").asString();
        Map<String, String> env = devEnv();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get("http://127.0.0.1:" + port + "/console/login?lang=te");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("సైన్ ఇన్");
        browser.findElement(By.id("username")).sendKeys(env.get("ISSUER_OFFICER_REV_USER"));
        browser.findElement(By.id("password")).sendKeys(env.get("ISSUER_OFFICER_REV_PASSWORD"));
        browser.findElement(By.id("signin")).click();

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("queue")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("డాష్‌బోర్డ్");
        browser.get("http://127.0.0.1:" + port + "/console/applications/" + id);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve"))).click();

        wait.until(ExpectedConditions.textToBe(By.id("status"), "ISSUED"));
        assertThat(browser.findElement(By.id("notice")).getText()).contains("ఆమోదించబడింది");
        String certificateId = browser.findElement(By.id("certificate-link")).getText();
        assertThat(certificateId).startsWith("REV-INC-");
        assertThat(browser.findElement(By.id("history")).getText()).contains("officer:rev-officer");
    }
}
