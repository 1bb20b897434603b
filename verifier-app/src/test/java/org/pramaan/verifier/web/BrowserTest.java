package org.pramaan.verifier.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.pramaan.credential.SignedCredential;
import org.pramaan.verifier.support.CertificateImages;
import org.pramaan.verifier.support.PhotoDistortions;
import org.pramaan.verifier.support.VerifierIntegrationTest;

/**
 * A real browser (headless Chromium from the distribution) opens a credential URL and reads the
 * verdict, and uploads a photo through the start page. Fails, never skips, without Chromium.
 */
class BrowserTest extends VerifierIntegrationTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("the browser test needs " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get update && apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--lang=te");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void openingTheQrLinkShowsTheVerdict() {
        SignedCredential credential = revenue().issue("Browser Holder");

        browser.get("http://127.0.0.1:" + port + "/C/" + credential.payload() + "?lang=en");

        assertThat(browser.findElement(By.id("verdict")).getAttribute("data-status")).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Genuine");
        assertThat(browser.findElement(By.id("holder")).getText()).isEqualTo("Browser Holder");
    }

    @Test
    void uploadingAPhotoShowsTheVerdictInTheChosenLanguage() throws Exception {
        SignedCredential credential = revenue().issue("Upload Holder");
        Path photo = Files.createTempFile("certificate-photo", ".jpg");
        Files.write(photo, CertificateImages.encode(PhotoDistortions.rotate(
                CertificateImages.printedPage(revenue().url(credential)), 5), "jpeg"));

        browser.get("http://127.0.0.1:" + port + "/?lang=te");
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("check")).click();

        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        assertThat(browser.findElement(By.id("verdict")).getAttribute("data-status")).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("నిజమైనది");
        Files.delete(photo);
    }

    /** The path a bank clerk took: upload, then switch the page to Hindi and back to English. */
    @Test
    void afterAnUploadSwitchingLanguageKeepsTheVerdict() throws Exception {
        SignedCredential credential = revenue().issue("Switch Holder");
        Path photo = Files.createTempFile("certificate-photo", ".png");
        Files.write(photo, CertificateImages.encode(CertificateImages.printedPage(revenue().url(credential)), "png"));

        browser.get("http://127.0.0.1:" + port + "/?lang=te");
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("check")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));

        browser.findElement(By.cssSelector("nav a[hreflang=hi]")).click();
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        assertThat(browser.findElement(By.id("verdict")).getAttribute("data-status")).isEqualTo("VALID");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("असली");
        assertThat(browser.findElement(By.id("holder")).getText()).isEqualTo("Switch Holder");

        browser.findElement(By.cssSelector("nav a[hreflang=en]")).click();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Genuine");
        browser.navigate().back();
        browser.navigate().back();
        browser.navigate().refresh();
        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        Files.delete(photo);
    }

    /** An unreadable photo, then a language switch: the start page in that language, never a 405. */
    @Test
    void afterAnUnreadableUploadSwitchingLanguageGivesTheStartPage() throws Exception {
        Path photo = Files.createTempFile("blank-photo", ".png");
        Files.write(photo, CertificateImages.encode(new java.awt.image.BufferedImage(400, 300,
                java.awt.image.BufferedImage.TYPE_INT_RGB), "png"));

        browser.get("http://127.0.0.1:" + port + "/?lang=en");
        browser.findElement(By.id("file")).sendKeys(photo.toAbsolutePath().toString());
        browser.findElement(By.id("check")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.id("verdict")));
        browser.findElement(By.cssSelector("nav a[hreflang=te]")).click();

        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        assertThat(browser.findElement(By.id("check")).getAttribute("value")).isNotBlank();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("te");
        Files.delete(photo);
    }

    /** A page that does not exist, in the reader's language, with the way back. */
    @Test
    void aMissingPageIsADesignedPageNotWhitelabel() {
        browser.get("http://127.0.0.1:" + port + "/no/such/page?lang=hi");

        assertThat(browser.getPageSource()).doesNotContain("Whitelabel");
        assertThat(browser.findElement(By.id("error")).getAttribute("data-status")).isEqualTo("404");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("hi");
        assertThat(browser.findElement(By.id("start")).getAttribute("href")).endsWith("/?lang=hi");
    }
}
